import { METRICS } from '@stimawatch/core';

/** Vending SLO: 99.5 % of stage events free of system-caused failures. */
export const SLO_TARGET = 0.995;
/** The error budget, written out rather than computed so the PromQL reads `0.005`, not `0.0050000000000000044`. */
export const ERROR_BUDGET = 0.005;
/** Matcher for the `$channel` dashboard variable (multi-value, "All" = `.*`). */
export const CHANNEL_MATCHER = 'channel=~"$channel"';

/** Stages at which the customer's money has not been taken yet: a failure here is a lost sale. */
export const PAYMENT_STAGES = 'payment_initiated|payment_validation|payment_received';
/** Stages after the payment at which a failure leaves a paid customer without a token. */
export const TOKEN_STAGES = 'meter_lookup|token_generation';

/** `name{m1, m2}`, or the bare name without matchers. */
export function selector(name: string, matchers: readonly string[] = []): string {
  return matchers.length === 0 ? name : `${name}{${matchers.join(', ')}}`;
}

/** `sum [by (labels)] (rate(selector[range]))`, with `or vector(0)` when an absent series means zero. */
export function sumRate(
  name: string,
  range: string,
  options: { matchers?: readonly string[]; by?: readonly string[]; zeroIfAbsent?: boolean } = {},
): string {
  const by = options.by && options.by.length > 0 ? ` by (${options.by.join(', ')})` : '';
  const expr = `sum${by}(rate(${selector(name, options.matchers)}[${range}]))`;
  return options.zeroIfAbsent ? `(${expr} or vector(0))` : expr;
}

/**
 * Stages whose system-caused failures count against the SLO. Mirrors SLO_STAGES in
 * alerts/prometheus/vend-slo-rules.ts; grafana/test/promql-metric-contract.test.ts fails if they drift apart.
 */
export const SLO_STAGES = 'payment_validation|payment_received|token_generation';

/**
 * The vending SLI per stage, as the burn-rate alerts compute it (stimawatch:vend_system_error_ratio:*):
 * system-class errors over all attempts of the stage. Customer-caused failures (wrong PIN, cancelled,
 * insufficient funds) are attempts but never errors against the SLO. A stage with attempts and no system
 * error reads 0; a stage without attempts has no value. Computed from the raw counters so the channel
 * filter applies.
 */
export function systemFailureRatio(range: string, matchers: readonly string[] = []): string {
  const stages = [`stage=~"${SLO_STAGES}"`, ...matchers];
  const attempts = sumRate(METRICS.vendStageTotal, range, { matchers: stages, by: ['stage'] });
  const errors = sumRate(METRICS.vendErrorsTotal, range, {
    matchers: ['class="system"', ...stages],
    by: ['stage'],
  });
  return `(${errors} or 0 * ${attempts}) / (${attempts} > 0)`;
}

/** Availability as management reads it: one minus the system failure ratio of the worst SLO stage. */
export function availability(range: string, matchers: readonly string[] = []): string {
  return `1 - max(${systemFailureRatio(range, matchers)})`;
}

/** Share of each stage's 30-day error budget still unspent (negative once overspent). */
export function errorBudgetRemaining(matchers: readonly string[] = []): string {
  return `1 - (${systemFailureRatio('30d', matchers)}) / ${ERROR_BUDGET}`;
}

/** Tokens issued per minute (successful token generation), optionally shifted back by `offset`. */
export function tokensPerMinute(range: string, matchers: readonly string[], offset?: string): string {
  const inner = selector(METRICS.vendStageTotal, [
    'stage="token_generation"',
    'outcome="success"',
    ...matchers,
  ]);
  const shifted = offset ? ` offset ${offset}` : '';
  return `sum(rate(${inner}[${range}]${shifted})) * 60`;
}

/** A histogram quantile over all label values except `le`. */
export function histogramQuantile(
  quantile: number,
  histogram: string,
  range: string,
  matchers: readonly string[] = [],
): string {
  return `histogram_quantile(${quantile}, sum by (le) (rate(${selector(`${histogram}_bucket`, matchers)}[${range}])))`;
}

/** The mean of a histogram's observations over `range`. */
export function histogramMean(histogram: string, range: string): string {
  return `sum(increase(${histogram}_sum[${range}])) / (sum(increase(${histogram}_count[${range}])) > 0)`;
}
