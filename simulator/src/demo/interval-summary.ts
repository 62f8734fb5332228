import { METRICS } from '@stimawatch/core';
import type { MetricSample } from './prometheus-text';

/** What the operator sees for one interval of the demo. */
export interface IntervalFigures {
  /** System-caused errors / all stage events in the interval; null when nothing happened. */
  systemFailureRatio: number | null;
  stageEvents: number;
  paymentsReceived: number;
  tokensIssued: number;
  paymentsWithoutToken: number | null;
  /** Error codes by count in the interval, largest first. */
  topErrorCodes: { code: string; class: string; count: number }[];
}

const key = (sample: MetricSample) =>
  `${sample.name}|${Object.entries(sample.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

/** Counter increases between two scrapes; a counter that went down (collector restarted) counts from zero. */
function increases(previous: readonly MetricSample[], current: readonly MetricSample[], name: string) {
  const before = new Map(previous.filter((s) => s.name === name).map((s) => [key(s), s.value]));
  return current
    .filter((s) => s.name === name)
    .map((s) => {
      const old = before.get(key(s)) ?? 0;
      return { labels: s.labels, delta: s.value >= old ? s.value - old : s.value };
    });
}

export function summariseInterval(
  previous: readonly MetricSample[],
  current: readonly MetricSample[],
  topN = 3,
): IntervalFigures {
  const stages = increases(previous, current, METRICS.vendStageTotal);
  const errors = increases(previous, current, METRICS.vendErrorsTotal);
  const sum = (items: { delta: number }[]) => items.reduce((total, item) => total + item.delta, 0);
  const stageEvents = sum(stages);
  const systemErrors = sum(errors.filter((e) => e.labels.class === 'system'));
  const byCode = new Map<string, { code: string; class: string; count: number }>();
  for (const error of errors) {
    if (error.delta <= 0) continue;
    const code = error.labels.code ?? 'UNKNOWN';
    const entry = byCode.get(code) ?? { code, class: error.labels.class ?? 'system', count: 0 };
    entry.count += error.delta;
    byCode.set(code, entry);
  }
  const gauge = current.find(
    (s) => s.name === METRICS.paymentsWithoutToken && Object.keys(s.labels).length === 0,
  );
  return {
    systemFailureRatio: stageEvents > 0 ? systemErrors / stageEvents : null,
    stageEvents,
    paymentsReceived: sum(
      stages.filter((s) => s.labels.stage === 'payment_received' && s.labels.outcome === 'success'),
    ),
    tokensIssued: sum(
      stages.filter((s) => s.labels.stage === 'token_generation' && s.labels.outcome === 'success'),
    ),
    paymentsWithoutToken: gauge?.value ?? null,
    topErrorCodes: [...byCode.values()].sort((a, b) => b.count - a.count).slice(0, topN),
  };
}

const percent = (ratio: number | null) =>
  ratio === null ? '   n/a' : `${(ratio * 100).toFixed(1).padStart(5)}%`;

/** One timeline line, e.g. `[04:10] tokens_stopped      failure 41.2% | tokens 3 | paid 120 | …`. */
export function formatTimelineLine(
  elapsedMs: number,
  phase: string,
  figures: IntervalFigures | undefined,
): string {
  const seconds = Math.round(elapsedMs / 1000);
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const head = `[${clock}] ${phase.padEnd(19)}`;
  if (!figures) return `${head}collector /metrics unavailable`;
  const top =
    figures.topErrorCodes.length === 0
      ? 'none'
      : figures.topErrorCodes.map((e) => `${e.code}(${e.class}) ${Math.round(e.count)}`).join(', ');
  return [
    `${head}system failure ${percent(figures.systemFailureRatio)}`,
    `tokens issued ${Math.round(figures.tokensIssued)}`,
    `paid ${Math.round(figures.paymentsReceived)}`,
    `paid without token ${figures.paymentsWithoutToken ?? 'n/a'}`,
    `top codes: ${top}`,
  ].join(' | ');
}
