import * as core from '@stimawatch/core';

const { METRICS } = core;

/** The METRICS entries exported as histograms: they are queried through their `_bucket/_sum/_count` series. */
export const HISTOGRAM_METRICS: readonly string[] = [
  METRICS.vendStageDurationSeconds,
  METRICS.paymentToTokenSeconds,
  METRICS.incidentAckSeconds,
  METRICS.incidentResolveSeconds,
  METRICS.incidentFirstStatementSeconds,
];

/**
 * Series that Prometheus writes itself for every scrape target and alerting rule. Dashboards use `up`;
 * rule files may use the others.
 */
export const PROMETHEUS_SYNTHETIC_SERIES: readonly string[] = [
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'ALERTS',
  'ALERTS_FOR_STATE',
];

/**
 * Metric names the services export: `METRICS` (the DESIGN contract) and every other `*_METRICS` name table
 * core keeps beside it (e.g. `COLLECTOR_METRICS`), so a service's own metrics join the contract by being
 * declared in core.
 */
export function serviceMetricNames(): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(core)) {
    if (!/(^|_)METRICS$/.test(key) || typeof value !== 'object' || value === null) continue;
    for (const name of Object.values(value)) {
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
}

/**
 * Every series name a dashboard or a rule may select without a recording rule defining it. A histogram's
 * bare name is left out on purpose: a classic histogram has no series of that name, so selecting it is a bug.
 */
export function exportedSeriesNames(): Set<string> {
  const names = new Set<string>(PROMETHEUS_SYNTHETIC_SERIES);
  for (const name of serviceMetricNames()) {
    if (!HISTOGRAM_METRICS.includes(name)) names.add(name);
  }
  for (const name of HISTOGRAM_METRICS) {
    for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
}
