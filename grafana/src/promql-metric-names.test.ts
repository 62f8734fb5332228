import { describe, expect, it } from 'vitest';
import { extractMetricNames } from './promql-metric-names';

describe('extractMetricNames', () => {
  it('finds a bare selector and one with label matchers', () => {
    expect(extractMetricNames('up')).toEqual(['up']);
    expect(extractMetricNames('stimawatch_probe_success{probe="vend", job=~"a|b"}')).toEqual([
      'stimawatch_probe_success',
    ]);
  });

  it('skips functions, aggregations and grouping label lists', () => {
    const expr =
      'histogram_quantile(0.95, sum by (le, channel) (rate(stimawatch_payment_to_token_seconds_bucket[5m])))';
    expect(extractMetricNames(expr)).toEqual(['stimawatch_payment_to_token_seconds_bucket']);
    expect(extractMetricNames('sum(rate(a_total[5m])) without (instance, pod)')).toEqual(['a_total']);
    expect(extractMetricNames('count_values("version", build_info)')).toEqual(['build_info']);
  });

  it('skips label names inside braces, including ones that look like metrics', () => {
    expect(extractMetricNames('a_total{stage="token_generation", outcome!="success"}')).toEqual(['a_total']);
  });

  it('skips binary-operator keywords and vector matching clauses', () => {
    const expr =
      'a_total / on (channel) group_left (stage) b_total > bool 0 and c unless d or e * ignoring (x) f';
    expect(extractMetricNames(expr)).toEqual(['a_total', 'b_total', 'c', 'd', 'e', 'f']);
    expect(extractMetricNames('x / on(a) group_left y')).toEqual(['x', 'y']);
  });

  it('skips offsets, durations, subqueries and the @ modifier', () => {
    expect(extractMetricNames('rate(a_total[5m] offset 1w)')).toEqual(['a_total']);
    expect(extractMetricNames('a offset -1h30m')).toEqual(['a']);
    expect(extractMetricNames('max_over_time(rate(a_total[1m])[1h:5m])')).toEqual(['a_total']);
    expect(extractMetricNames('a @ start() - b @ 1609746000')).toEqual(['a', 'b']);
  });

  it('skips numbers, Inf and NaN, and string literals', () => {
    expect(extractMetricNames('a > 1e-3 or b == +Inf or c != NaN or d > 0x1F')).toEqual(['a', 'b', 'c', 'd']);
    expect(extractMetricNames('label_replace(a, "dst_metric", "$1", "src", "(.*)")')).toEqual(['a']);
  });

  it('skips Grafana template variables', () => {
    const expr = `sum(rate(a_total{channel=~"$channel"}[$__rate_interval])) * $avg_purchase_kes + \${factor} * b`;
    expect(extractMetricNames(expr)).toEqual(['a_total', 'b']);
    expect(extractMetricNames('increase(a_total[$__range])')).toEqual(['a_total']);
  });

  it('keeps recording-rule names with colons and reads __name__ matchers', () => {
    expect(extractMetricNames('stimawatch:vend_failure_ratio:rate5m > 0.01')).toEqual([
      'stimawatch:vend_failure_ratio:rate5m',
    ]);
    expect(extractMetricNames('{__name__="stimawatch_redis_up", job="x"}')).toEqual(['stimawatch_redis_up']);
  });

  it('reports each name once and ignores comments', () => {
    expect(extractMetricNames('a / a # ratio of b to c\n+ d')).toEqual(['a', 'd']);
  });

  it('handles multi-line expressions as written in rule files', () => {
    const expr = `(
      sum(rate(errors_total{class="system"}[5m]))
        or vector(0)
    )
    /
    clamp_min(sum(rate(stage_total[5m])), 1)`;
    expect(extractMetricNames(expr)).toEqual(['errors_total', 'stage_total']);
  });
});
