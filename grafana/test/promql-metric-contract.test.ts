import { describe, expect, it } from 'vitest';
import { exportedSeriesNames } from '../src/exported-metrics';
import { extractMetricNames } from '../src/promql-metric-names';
import { SLO_STAGES } from '../src/vend-queries';
import { dashboardTargets } from './dashboard-targets';
import { readRuleFiles } from './rule-files';

/** `where: name` for every selected name that is neither exported by a service nor recorded by a rule. */
function unknownNames(queries: { where: string; expr: string }[], known: Set<string>): string[] {
  const unknown: string[] = [];
  for (const query of queries) {
    for (const name of extractMetricNames(query.expr)) {
      if (!known.has(name)) unknown.push(`${query.where}: ${name}`);
    }
  }
  return unknown;
}

describe('PromQL metric contract', () => {
  const rules = readRuleFiles();
  const known = new Set([...exportedSeriesNames(), ...rules.recorded]);

  it('dashboards select only exported metrics or recorded series', () => {
    const queries = dashboardTargets().map((t) => ({
      where: `${t.dashboard} › ${t.panel} › ${t.refId}`,
      expr: t.expr,
    }));
    expect(queries.length).toBeGreaterThan(30);
    expect(unknownNames(queries, known)).toEqual([]);
  });

  it('Prometheus rules select only exported metrics or recorded series', () => {
    const queries = rules.expressions.map((r) => ({ where: `${r.file} › ${r.rule}`, expr: r.expr }));
    expect(unknownNames(queries, known)).toEqual([]);
  });

  it('recording rules are named stimawatch:…', () => {
    const bad = [...rules.recorded].filter((name) => !/^stimawatch:[a-z0-9_]+(:[a-z0-9_]+)*$/.test(name));
    expect(bad).toEqual([]);
  });

  it('dashboards count the same SLO stages as the burn-rate recording rules', () => {
    const attempts = rules.expressions.find((r) => r.rule === 'stimawatch:vend_stage_attempts:rate5m');
    expect(attempts?.expr).toContain(`stage=~"${SLO_STAGES}"`);
  });

  it('fails on a misspelt metric and on a histogram selected by its bare name', () => {
    const queries = [
      { where: 'typo', expr: 'sum(rate(stimawatch_vend_stage_totl[5m]))' },
      { where: 'bare histogram', expr: 'rate(stimawatch_payment_to_token_seconds[5m])' },
      {
        where: 'fine',
        expr: 'histogram_quantile(0.9, rate(stimawatch_payment_to_token_seconds_bucket[5m]))',
      },
    ];
    expect(unknownNames(queries, known)).toEqual([
      'typo: stimawatch_vend_stage_totl',
      'bare histogram: stimawatch_payment_to_token_seconds',
    ]);
  });
});
