import { METRICS, type Severity, type Stage } from '@stimawatch/core';
import { parseDuration } from './duration';
import { num, type Rule, type RuleContext, type RuleGroup } from './rule-context';

/** Stages whose system-caused failures count against the vend SLO. */
export const SLO_STAGES: readonly Stage[] = ['payment_validation', 'payment_received', 'token_generation'];

export interface BurnRateTier {
  severity: Severity;
  long: string;
  short: string;
  factor: number;
}

/**
 * Multi-window multi-burn-rate tiers (SRE Workbook table 5-8) plus a hard-outage tier. At a 99.5% SLO the
 * 14.4x/1h tier needs 4.3 min of total outage to trip (7.2% of an hour), so the 20x/10m tier (10% of 10 min,
 * 0.46% of the monthly budget) is what pages a total outage within about a minute.
 */
export const BURN_RATE_TIERS: readonly BurnRateTier[] = [
  { severity: 'page', long: '10m', short: '2m', factor: 20 },
  { severity: 'page', long: '1h', short: '5m', factor: 14.4 },
  { severity: 'page', long: '6h', short: '30m', factor: 6 },
  { severity: 'ticket', long: '3d', short: '6h', factor: 1 },
];

// Shortest window first; each ratio rule follows the two rates it divides, so one group evaluation is consistent.
const WINDOWS = [...new Set(BURN_RATE_TIERS.flatMap((tier) => [tier.short, tier.long]))].sort(
  (a, b) => parseDuration(a) - parseDuration(b),
);

export const recordName = {
  attempts: (window: string) => `stimawatch:vend_stage_attempts:rate${window}`,
  systemErrors: (window: string) => `stimawatch:vend_system_errors:rate${window}`,
  ratio: (window: string) => `stimawatch:vend_system_error_ratio:rate${window}`,
};

function recordingRules(ctx: RuleContext): Rule[] {
  const stages = `stage=~"${SLO_STAGES.join('|')}"`;
  return WINDOWS.flatMap((window): Rule[] => {
    const range = ctx.window(window);
    const attempts = recordName.attempts(window);
    const errors = recordName.systemErrors(window);
    return [
      { record: attempts, expr: `sum by (stage) (rate(${METRICS.vendStageTotal}{${stages}}[${range}]))` },
      {
        record: errors,
        expr: `sum by (stage) (rate(${METRICS.vendErrorsTotal}{class="system",${stages}}[${range}]))`,
      },
      // A stage with traffic but no system-error series yet reads 0, not "no data".
      { record: recordName.ratio(window), expr: `(${errors} or 0 * ${attempts}) / ${attempts}` },
    ];
  });
}

function tierCondition(ctx: RuleContext, tier: BurnRateTier): string {
  const threshold = `(${num(tier.factor)} * ${num(1 - ctx.options.sloObjective)})`;
  return [
    `${recordName.ratio(tier.long)} > ${threshold}`,
    `and ${recordName.ratio(tier.short)} > ${threshold}`,
    `and ${recordName.attempts(tier.long)} >= ${num(ctx.options.minStageRatePerSecond)}`,
  ].join('\n  ');
}

function burnRateExpr(ctx: RuleContext, severity: Severity): string {
  return BURN_RATE_TIERS.filter((tier) => tier.severity === severity)
    .map((tier) => `(\n  ${tierCondition(ctx, tier)}\n)`)
    .join('\nor\n');
}

function tiersText(severity: Severity): string {
  return BURN_RATE_TIERS.filter((tier) => tier.severity === severity)
    .map((tier) => `${tier.factor}x over ${tier.long} and ${tier.short}`)
    .join(', ');
}

/** Recording rules for the vend failure ratio per stage, and the burn-rate page and ticket. */
export function vendSloGroup(ctx: RuleContext): RuleGroup {
  const slo = `${num(ctx.options.sloObjective * 100)}%`;
  const excluded = 'Customer-caused errors (wrong PIN, cancelled prompt, insufficient funds) are excluded.';
  return {
    name: 'stimawatch-vend-slo',
    rules: [
      ...recordingRules(ctx),
      ctx.alert({
        alert: 'VendFailureBurnRate',
        expr: burnRateExpr(ctx, 'page'),
        severity: 'page',
        team: 'oncall',
        service: 'vending',
        summary: 'Vending failing at {{ $labels.stage }}: the vend SLO error budget is burning fast',
        description:
          `{{ $value | humanizePercentage }} of {{ $labels.stage }} attempts failed for system reasons ` +
          `(SLO ${slo}; pages at ${tiersText('page')} budget burn). ${excluded}`,
      }),
      ctx.alert({
        alert: 'VendFailureBurnRate',
        expr: burnRateExpr(ctx, 'ticket'),
        for: '30m',
        severity: 'ticket',
        team: 'oncall',
        service: 'vending',
        summary: 'Vend failures at {{ $labels.stage }} are slowly eating the SLO error budget',
        description:
          `{{ $value | humanizePercentage }} of {{ $labels.stage }} attempts failed for system reasons ` +
          `over 3 days (SLO ${slo}; ticket at ${tiersText('ticket')} budget burn). ${excluded}`,
      }),
    ],
  };
}
