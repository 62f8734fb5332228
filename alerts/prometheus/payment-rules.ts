import { METRICS, type Stage } from '@stimawatch/core';
import { num, type RuleContext, type RuleGroup } from './rule-context';

export const PAYMENT_STAGES: readonly Stage[] = [
  'payment_initiated',
  'payment_validation',
  'payment_received',
];

export const PAYMENT_SYSTEM_ERRORS_RATE = 'stimawatch:payment_system_errors:rate5m';
export const PAYMENT_ATTEMPTS_RATE = 'stimawatch:payment_attempts:rate5m';

/** Payment error codes by normalised code: one system code spiking at a payment stage. */
export function paymentGroup(ctx: RuleContext): RuleGroup {
  const { options } = ctx;
  const stages = `stage=~"${PAYMENT_STAGES.join('|')}"`;
  const range = ctx.window('5m');
  return {
    name: 'stimawatch-payments',
    rules: [
      {
        record: PAYMENT_SYSTEM_ERRORS_RATE,
        expr: `sum by (stage, code) (rate(${METRICS.vendErrorsTotal}{class="system",${stages}}[${range}]))`,
      },
      {
        record: PAYMENT_ATTEMPTS_RATE,
        expr: `sum by (stage) (rate(${METRICS.vendStageTotal}{${stages}}[${range}]))`,
      },
      ctx.alert({
        alert: 'PaymentErrorSpike',
        expr: [
          `${PAYMENT_SYSTEM_ERRORS_RATE} / on(stage) group_left ${PAYMENT_ATTEMPTS_RATE} > ${num(options.paymentErrorMinRatio)}`,
          `and ${PAYMENT_SYSTEM_ERRORS_RATE} > ${num(options.paymentErrorMinRatePerSecond)}`,
        ].join('\n'),
        for: '3m',
        severity: 'page',
        team: 'oncall',
        service: 'payments',
        summary: 'Payment error {{ $labels.code }} spiking at {{ $labels.stage }}',
        description:
          '{{ $value | humanizePercentage }} of {{ $labels.stage }} attempts fail with system error ' +
          `{{ $labels.code }} over 5 minutes (alerts above ${num(options.paymentErrorMinRatio * 100)}% ` +
          `and ${num(options.paymentErrorMinRatePerSecond)}/s).`,
      }),
    ],
  };
}
