import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { dashboardTargets, interpolate, targetExpr } from './dashboard-targets';
import { RULES_DIR } from './rule-files';

const run = promisify(execFile);
const OPS = 'Token vending — operations';
const EXEC = 'Executive overview';
const SOCIAL = 'Social listening';

/**
 * Synthetic traffic, one sample a minute. Per minute: 100 paid + 1 payment refused (system, C2B00016) +
 * 2 STK cancels (customer, 1032, not an SLO stage) + 98 tokens + 2 token failures (system). The SLI per
 * stage: payment_received 1/101, token_generation 2/100.
 */
const SERIES: Record<string, string> = {
  'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_received",outcome="success"}': '0+100x120',
  'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_received",outcome="failed"}': '0+1x120',
  'stimawatch_vend_stage_total{channel="mpesa_stk",stage="payment_initiated",outcome="rejected"}': '0+2x120',
  'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}': '0+98x120',
  'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="failed"}': '0+2x120',
  'stimawatch_vend_errors_total{channel="mpesa_c2b",stage="payment_received",code="C2B00016",class="system"}':
    '0+1x120',
  'stimawatch_vend_errors_total{channel="mpesa_stk",stage="payment_initiated",code="1032",class="customer"}':
    '0+2x120',
  'stimawatch_vend_errors_total{channel="mpesa_c2b",stage="token_generation",code="hsm_unavailable",class="system"}':
    '0+2x120',
  'stimawatch_payment_to_token_seconds_bucket{channel="mpesa_c2b",le="5"}': '0x120',
  'stimawatch_payment_to_token_seconds_bucket{channel="mpesa_c2b",le="10"}': '0+10x120',
  'stimawatch_payment_to_token_seconds_bucket{channel="mpesa_c2b",le="+Inf"}': '0+10x120',
  stimawatch_incident_time_to_ack_seconds_sum: '0+600x120',
  stimawatch_incident_time_to_ack_seconds_count: '0+2x120',
  'stimawatch_incident_time_to_ack_seconds_bucket{le="60"}': '0x120',
  'stimawatch_incident_time_to_ack_seconds_bucket{le="600"}': '0+2x120',
  'stimawatch_incident_time_to_ack_seconds_bucket{le="+Inf"}': '0+2x120',
  // Two collector replicas export the same global gauges; the probe fails on one of them.
  'stimawatch_payments_without_token{instance="a"}': '4x120',
  'stimawatch_payments_without_token{instance="b"}': '4x120',
  'stimawatch_probe_success{instance="a",probe="vend"}': '1x120',
  'stimawatch_probe_success{instance="b",probe="vend"}': '0x120',
  'stimawatch_incidents_open{instance="a",severity="page"}': '2x120',
  'stimawatch_incidents_open{instance="b",severity="page"}': '2x120',
  'stimawatch_social_complaint_authors{instance="a",window="10m"}': '30x120',
  'stimawatch_social_complaint_authors_baseline{instance="a"}': '10x120',
  'stimawatch_comms_silence_seconds{instance="a"}': '1200x120',
  'stimawatch_last_official_statement_timestamp_seconds{instance="a"}': '3600x120',
};

/** Tokens: 30 a minute for a week, then 60 a minute: "now" is double "same time last week". */
const WEEK_SERIES: Record<string, string> = {
  'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}':
    '0+30x10080 302400+60x60',
};

interface Check {
  dashboard: string;
  panel: string;
  refId?: string;
  /** Results are multiplied by this and rounded, so float noise cannot fail an exact comparison. */
  scale?: number;
  evalTime?: string;
  expect: { labels?: string; value: number }[];
}

const CHECKS: Check[] = [
  {
    dashboard: OPS,
    panel: 'System failure ratio against the SLO',
    scale: 1e6,
    expect: [
      { labels: '{stage="payment_received"}', value: 9901 },
      { labels: '{stage="token_generation"}', value: 20000 },
    ],
  },
  {
    dashboard: OPS,
    panel: 'System failure ratio against the SLO',
    refId: 'B',
    scale: 1e6,
    expect: [{ value: 5000 }],
  },
  // 1 - ratio / 0.005: both stages have overspent their budget.
  {
    dashboard: OPS,
    panel: 'Error budget left (30 days)',
    scale: 1e6,
    expect: [
      { labels: '{stage="payment_received"}', value: -980198 },
      { labels: '{stage="token_generation"}', value: -3000000 },
    ],
  },
  {
    dashboard: EXEC,
    panel: 'Error budget left (30 days, worst stage)',
    scale: 1e6,
    expect: [{ value: -3000000 }],
  },
  {
    dashboard: OPS,
    panel: 'Stage success ratio by stage and channel',
    scale: 1e6,
    expect: [
      { labels: '{stage="payment_received",channel="mpesa_c2b"}', value: 990099 },
      { labels: '{stage="payment_initiated",channel="mpesa_stk"}', value: 0 },
      { labels: '{stage="token_generation",channel="mpesa_c2b"}', value: 980000 },
    ],
  },
  {
    dashboard: OPS,
    panel: 'Errors by normalised code',
    expect: [
      { labels: '{code="C2B00016",class="system"}', value: 1 },
      { labels: '{code="1032",class="customer"}', value: 2 },
      { labels: '{code="hsm_unavailable",class="system"}', value: 2 },
    ],
  },
  { dashboard: OPS, panel: 'Payment to token, p50 and p95', scale: 100, expect: [{ value: 750 }] },
  {
    dashboard: OPS,
    panel: 'Payment to token, p50 and p95',
    refId: 'B',
    scale: 100,
    expect: [{ value: 975 }],
  },
  { dashboard: OPS, panel: 'Payments without a token', expect: [{ value: 4 }] },
  // Passing while one replica passes, as the SyntheticVendFailing alert reads it.
  { dashboard: OPS, panel: 'Probe status', expect: [{ labels: '{probe="vend"}', value: 1 }] },
  // The worst SLO stage: token_generation at 2 %.
  { dashboard: EXEC, panel: 'Vending availability — this week', scale: 1e6, expect: [{ value: 980000 }] },
  { dashboard: EXEC, panel: 'Vending availability, hourly', scale: 1e6, expect: [{ value: 980000 }] },
  {
    dashboard: EXEC,
    panel: 'Open incidents by severity',
    expect: [{ labels: '{severity="page"}', value: 2 }],
  },
  { dashboard: EXEC, panel: 'Mean time to acknowledge (MTTA)', expect: [{ value: 300 }] },
  { dashboard: EXEC, panel: 'Mean time to acknowledge (MTTA)', refId: 'B', expect: [{ value: 546 }] },
  // 1 refused payment a minute over the hour × KSh 500; 2 token failures a minute × KSh 500.
  { dashboard: EXEC, panel: 'Revenue at risk over the period', expect: [{ value: 30_000 }] },
  { dashboard: EXEC, panel: 'Revenue at risk over the period', refId: 'B', expect: [{ value: 60_000 }] },
  { dashboard: EXEC, panel: 'Revenue at risk per hour', expect: [{ value: 30_000 }] },
  { dashboard: EXEC, panel: 'Paid and waiting for a token now', expect: [{ value: 2000 }] },
  // 3 system failures a minute over the hour + 4 payments waiting.
  { dashboard: EXEC, panel: 'Estimated customers affected', expect: [{ value: 184 }] },
  { dashboard: EXEC, panel: 'Estimated customers affected', refId: 'B', expect: [{ value: 30 }] },
  { dashboard: SOCIAL, panel: 'Authors vs baseline now', expect: [{ value: 3 }] },
  { dashboard: SOCIAL, panel: 'Comms silence during an open incident', expect: [{ value: 1200 }] },
  // Evaluated at 90 minutes = 5400 s; the last statement was at 3600 s.
  { dashboard: SOCIAL, panel: 'Since the last official statement', expect: [{ value: 1800 }] },
];

const WEEK_CHECKS: Check[] = [
  {
    dashboard: OPS,
    panel: 'Tokens issued per minute vs same time last week',
    evalTime: '169h',
    expect: [{ value: 60 }],
  },
  {
    dashboard: OPS,
    panel: 'Tokens issued per minute vs same time last week',
    refId: 'B',
    evalTime: '169h',
    expect: [{ value: 30 }],
  },
];

function exprTest(check: Check) {
  const scale = check.scale ?? 1;
  return {
    expr: `round(${scale} * (${interpolate(targetExpr(check.dashboard, check.panel, check.refId))}))`,
    eval_time: check.evalTime ?? '90m',
    exp_samples: check.expect.map((sample) => ({ labels: sample.labels ?? '{}', value: sample.value })),
  };
}

const inputSeries = (series: Record<string, string>) =>
  Object.entries(series).map(([name, values]) => ({ series: name, values }));

describe('dashboard queries in Prometheus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stimawatch-dashboard-promql-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every dashboard query parses as PromQL once Grafana has filled in its variables', async () => {
    const rules = dashboardTargets().map((target, index) => ({
      record: `dashboard_query_${index}`,
      expr: interpolate(target.expr),
    }));
    writeFileSync(join(dir, 'queries.yml'), stringify({ groups: [{ name: 'dashboards', rules }] }));
    const { stdout } = await run('promtool', ['check', 'rules', join(dir, 'queries.yml')]);
    expect(stdout).toContain(`${rules.length} rules found`);
  });

  it('compute the documented values on synthetic traffic (promtool test rules)', async () => {
    const tests = {
      rule_files: [],
      evaluation_interval: '1m',
      tests: [
        { interval: '1m', input_series: inputSeries(SERIES), promql_expr_test: CHECKS.map(exprTest) },
        {
          interval: '1m',
          input_series: inputSeries(WEEK_SERIES),
          promql_expr_test: WEEK_CHECKS.map(exprTest),
        },
      ],
    };
    writeFileSync(join(dir, 'tests.yml'), stringify(tests));
    const result = await run('promtool', ['test', 'rules', join(dir, 'tests.yml')]).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? -1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('show the same per-stage SLI as the recording rules the burn-rate alert reads', async () => {
    const dashboard = interpolate(targetExpr(OPS, 'System failure ratio against the SLO'));
    const tests = {
      rule_files: [join(RULES_DIR, 'vending.yml')],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: inputSeries(SERIES),
          promql_expr_test: [
            {
              expr: `round(1e6 * (${dashboard})) - on(stage) round(1e6 * stimawatch:vend_system_error_ratio:rate5m)`,
              eval_time: '90m',
              exp_samples: [
                { labels: '{stage="payment_received"}', value: 0 },
                { labels: '{stage="token_generation"}', value: 0 },
              ],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'same-sli.yml'), stringify(tests));
    const { stdout } = await run('promtool', ['test', 'rules', join(dir, 'same-sli.yml')]);
    expect(stdout).toContain('SUCCESS');
  });
});
