import { DEFAULT_RUNBOOK_BASE_URL } from './rule-options';
import { counterNotation, gaugeNotation, seriesNotation } from './series-notation';
import {
  attemptsPerSecondAt,
  NORMAL_DAY,
  type SeriesInput,
  stageSeries,
  timestampGauge,
} from './traffic-fixture';

/** A promtool unit-test file (the subset we generate). */
export interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  tests: Record<string, unknown>[];
}

const RULE_FILES = ['../rules/*.yml'];
const DAY = 1440;
const WEEK = 7 * DAY;

function constant(value: number, steps: number): string {
  return `${value}x${steps}`;
}

/** Every other input a healthy system exports, so "nothing fires" covers all alerts, not just vend ones. */
function healthyPlatform(steps: number, stepMinutes: number): SeriesInput[] {
  return [
    { series: 'up{job="stimawatch-collector",instance="collector-1:8081"}', values: constant(1, steps) },
    { series: 'stimawatch_payments_without_token', values: constant(1, steps) },
    {
      series: 'stimawatch_last_token_issued_timestamp_seconds',
      values: timestampGauge(steps, stepMinutes, 20),
    },
    { series: 'stimawatch_probe_success{probe="mpesa_stk_vend"}', values: constant(1, steps) },
    { series: 'stimawatch_social_source_up{source="x"}', values: constant(1, steps) },
    {
      series: 'stimawatch_social_complaint_authors{window="10m"}',
      values: gaugeNotation(steps + 1, (i) => Math.round(2 + 6 * attemptsPerSecondAt(i * stepMinutes))),
    },
    { series: 'stimawatch_social_complaint_authors_baseline', values: constant(8, steps) },
    { series: 'stimawatch_comms_silence_seconds', values: constant(0, steps) },
    {
      series: 'stimawatch_notifications_total{channel="sms",outcome="delivered"}',
      values: counterNotation(Array.from({ length: steps }, () => 0.2)),
    },
  ];
}

/** A day and 4 hours of realistic traffic (1-minute samples): no alert but Watchdog may fire at any time. */
export function renderDailyTrafficTest(): PromtoolTestFile {
  const steps = DAY + 4 * 60;
  return {
    rule_files: RULE_FILES,
    evaluation_interval: '1m',
    tests: [
      {
        name: 'a normal day with a night trickle and an evening burst of customer errors stays quiet',
        interval: '1m',
        input_series: [
          ...NORMAL_DAY.flatMap((profile) => stageSeries(profile, steps, 1)),
          ...healthyPlatform(steps, 1),
        ],
        promql_expr_test: [
          { expr: 'count_over_time(ALERTS{alertname!="Watchdog"}[28h])', eval_time: '28h', exp_samples: [] },
          // 03:15 on day 2: token generation fails 20% of a trickle; only the traffic guard keeps it quiet.
          ...[
            'stimawatch:vend_system_error_ratio:rate10m{stage="token_generation"} > bool 0.1',
            'stimawatch:vend_system_error_ratio:rate2m{stage="token_generation"} > bool 0.1',
            'stimawatch:vend_stage_attempts:rate10m{stage="token_generation"} < bool 0.05',
          ].map((expr) => ({
            expr,
            eval_time: '27h15m',
            exp_samples: [{ labels: '{stage="token_generation"}', value: 1 }],
          })),
          {
            // 19:20: 40% of payments fail for customer reasons, yet nothing fires.
            expr:
              'sum(rate(stimawatch_vend_stage_total{stage="payment_received",outcome!="success"}[10m])) / ' +
              'sum(rate(stimawatch_vend_stage_total{stage="payment_received"}[10m])) > bool 0.3',
            eval_time: '19h20m',
            exp_samples: [{ labels: '{}', value: 1 }],
          },
        ],
        alert_rule_test: ['19h20m', '19h45m', '27h15m'].map((evalTime) => ({
          eval_time: evalTime,
          alertname: 'VendFailureBurnRate',
          exp_alerts: [],
        })),
      },
    ],
  };
}

/**
 * Token and payment counters on day 0 (last week) and from day 7 on (this week), 1-minute samples; the days
 * between are not scraped, which keeps promtool fast and does not change what the cliff rule compares.
 */
function weekSeries(
  steps: number,
  volume: (minute: number) => number,
  tokenShare: (minute: number) => number,
): SeriesInput[] {
  const scraped = (minute: number) => minute < DAY || minute >= WEEK;
  const perMinute = (share: (minute: number) => number) =>
    Array.from({ length: steps }, (_, i) =>
      scraped(i + 1) ? attemptsPerSecondAt(i) * 60 * volume(i) * share(i) : null,
    );
  const tokens = perMinute(tokenShare);
  // The last token of each minute is issued 20 s before the scrape; the gauge holds still once tokens stop.
  const lastToken: (number | null)[] = [0];
  let last = 0;
  for (const [i, count] of tokens.entries()) {
    if (count !== null && count > 0) last = (i + 1) * 60 - 20;
    lastToken.push(count === null ? null : last);
  }
  return [
    {
      series: 'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_received",outcome="success"}',
      values: counterNotation(perMinute(() => 1)),
    },
    {
      series: 'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}',
      values: counterNotation(tokens),
    },
    { series: 'stimawatch_last_token_issued_timestamp_seconds', values: seriesNotation(lastToken) },
  ];
}

const thisWeek = (minute: number) => (minute < WEEK ? 1 : 0.85);

/** TokenIssuanceStalled (cliff) against the same time last week, over 8 days of 1-minute samples. */
export function renderTokenCliffTest(): PromtoolTestFile {
  const middayDrop = WEEK + 12 * 60;
  return {
    rule_files: RULE_FILES,
    evaluation_interval: '5m',
    tests: [
      {
        name: 'tokens falling to a fifth of last week at midday page within 20 minutes (5-minute evaluation)',
        interval: '1m',
        input_series: weekSeries(middayDrop + 60, thisWeek, (m) => (m >= middayDrop ? 0.2 : 1)),
        promql_expr_test: [
          {
            expr: 'count_over_time(ALERTS{alertname="TokenIssuanceStalled"}[7d])',
            eval_time: '7d12h',
            exp_samples: [],
          },
        ],
        alert_rule_test: [
          { eval_time: '7d12h15m', alertname: 'TokenIssuanceStalled', exp_alerts: [] },
          {
            eval_time: '7d12h20m',
            alertname: 'TokenIssuanceStalled',
            exp_alerts: [
              {
                exp_labels: { severity: 'page', team: 'oncall', service: 'vending', condition: 'cliff' },
                exp_annotations: {
                  summary: 'Tokens issued have fallen far below the same time last week',
                  description:
                    'Tokens are being issued at 0.17/s over 15 minutes, under 30% of the rate at the same ' +
                    'time last week.',
                  runbook_url: `${DEFAULT_RUNBOOK_BASE_URL}/TokenIssuanceStalled.md`,
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The cliff's guard: a night trickle stopping is not compared with an equally thin last week. */
export function renderTokenCliffNightTest(): PromtoolTestFile {
  const nightStop = WEEK + 2 * 60;
  return {
    rule_files: RULE_FILES,
    evaluation_interval: '15m',
    tests: [
      {
        name: 'a night trickle stopping altogether does not page (last week too thin to compare)',
        interval: '1m',
        input_series: weekSeries(
          nightStop + 120,
          (m) => (m >= nightStop ? 0 : thisWeek(m)),
          () => 1,
        ),
        promql_expr_test: [
          {
            expr: 'count_over_time(ALERTS{alertname="TokenIssuanceStalled"}[1d])',
            eval_time: '7d4h',
            exp_samples: [],
          },
          {
            // Without the guard the cliff would fire: this week is far below last week.
            expr: 'stimawatch:tokens_issued:rate15m < bool 0.3 * stimawatch:tokens_issued_last_week:rate15m',
            eval_time: '7d3h',
            exp_samples: [{ labels: '{}', value: 1 }],
          },
        ],
      },
    ],
  };
}
