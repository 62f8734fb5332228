import { METRICS } from '@stimawatch/core';
import { num, type RuleContext, type RuleGroup } from './rule-context';

const TOKENS_ISSUED = `${METRICS.vendStageTotal}{stage="token_generation",outcome="success"}`;
const PAYMENTS_RECEIVED = `${METRICS.vendStageTotal}{stage="payment_received",outcome="success"}`;

export const TOKENS_ISSUED_RATE = 'stimawatch:tokens_issued:rate15m';
export const TOKENS_ISSUED_LAST_WEEK_RATE = 'stimawatch:tokens_issued_last_week:rate15m';

/**
 * Token-side symptoms: payments stuck without a token, token issuance stalled (a cliff against last week or a
 * full stop while payments continue), and the synthetic vend probe. Global gauges computed from Redis are
 * exported identically by every collector replica, so they aggregate with `max`.
 */
export function tokenGroup(ctx: RuleContext): RuleGroup {
  const { options } = ctx;
  const cliffPercent = num(options.tokenCliffRatio * 100);
  const stall = `${num(options.tokenStallMinutes)}m`;
  return {
    name: 'stimawatch-tokens',
    rules: [
      { record: TOKENS_ISSUED_RATE, expr: `sum(rate(${TOKENS_ISSUED}[${ctx.window('15m')}]))` },
      {
        // Computed from raw samples (not from this rule's own history) so it works as soon as data is a week old.
        record: TOKENS_ISSUED_LAST_WEEK_RATE,
        expr: `sum(rate(${TOKENS_ISSUED}[${ctx.window('15m')}] offset ${ctx.window('1w')}))`,
      },
      ctx.alert({
        alert: 'PaidButNoToken',
        expr: `max(${METRICS.paymentsWithoutToken}) > ${options.paidButNoTokenThreshold}`,
        for: '2m',
        severity: 'page',
        team: 'oncall',
        service: 'vending',
        summary: 'Customers paid but received no token',
        description:
          '{{ $value }} payments have been received with no token issued after the collector wait ' +
          `(threshold ${options.paidButNoTokenThreshold}). Customers have been charged and are in the dark.`,
      }),
      ctx.alert({
        alert: 'TokenIssuanceStalled',
        expr: [
          `${TOKENS_ISSUED_RATE} < ${num(options.tokenCliffRatio)} * ${TOKENS_ISSUED_LAST_WEEK_RATE}`,
          `and ${TOKENS_ISSUED_LAST_WEEK_RATE} > ${num(options.tokenCliffMinLastWeekPerSecond)}`,
        ].join('\n'),
        for: '5m',
        severity: 'page',
        team: 'oncall',
        service: 'vending',
        labels: { condition: 'cliff' },
        summary: 'Tokens issued have fallen far below the same time last week',
        description:
          'Tokens are being issued at {{ printf "%.2f" $value }}/s over 15 minutes, under ' +
          `${cliffPercent}% of the rate at the same time last week.`,
      }),
      ctx.alert({
        alert: 'TokenIssuanceStalled',
        expr: [
          `time() - max(${METRICS.lastTokenIssuedTimestampSeconds}) > ${num(ctx.seconds(stall))}`,
          `and on() sum(rate(${PAYMENTS_RECEIVED}[${ctx.window(stall)}])) > ${num(options.tokenStallMinPaymentsPerSecond)}`,
        ].join('\n'),
        for: '2m',
        severity: 'page',
        team: 'oncall',
        service: 'vending',
        labels: { condition: 'stopped' },
        summary: 'No token issued while payments continue',
        description:
          'The last token was issued {{ $value | humanizeDuration }} ago, yet payments are still being ' +
          `received (more than ${num(options.tokenStallMinPaymentsPerSecond)}/s over ${stall}).`,
      }),
      ctx.alert({
        alert: 'SyntheticVendFailing',
        expr: `max by (probe) (${METRICS.probeSuccess}) == 0`,
        for: '3m',
        severity: 'page',
        team: 'oncall',
        service: 'vending',
        summary: 'Synthetic vend probe {{ $labels.probe }} is failing',
        description:
          'Every collector reports probe {{ $labels.probe }} failing for 3 minutes: a test purchase cannot ' +
          'get a token, whatever real traffic looks like (this is the night-time signal).',
      }),
    ],
  };
}
