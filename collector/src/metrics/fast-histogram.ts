import type { Registry } from 'prom-client';

export interface FastHistogram {
  /** Observes `value` for the label value at `labelIndex` (an index into the declared label values). */
  observe(labelIndex: number, value: number): void;
}

interface Series {
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * A histogram with one label over a fixed, known set of values, registered on a prom-client Registry
 * as a custom metric (`registerMetric` with `get()`), rendering the same exposition as prom-client's
 * Histogram. It exists for the ingest hot path: prom-client hashes the label set and validates it on
 * every observation, this one indexes an array.
 */
export function createFastHistogram(options: {
  name: string;
  help: string;
  labelName: string;
  labelValues: readonly string[];
  buckets: readonly number[];
  registry: Registry;
}): FastHistogram {
  const { name, labelName, labelValues, buckets } = options;
  const series: Array<Series | undefined> = new Array(labelValues.length);
  const metric = {
    name,
    help: options.help,
    type: 'histogram' as const,
    aggregator: 'sum' as const,
    async get() {
      const values: Array<{ value: number; labels: Record<string, string | number>; metricName: string }> =
        [];
      for (const [index, data] of series.entries()) {
        if (data === undefined) continue;
        const label = labelValues[index] as string;
        let cumulative = 0;
        for (const [b, bound] of buckets.entries()) {
          cumulative += data.buckets[b] as number;
          values.push({
            value: cumulative,
            labels: { le: bound, [labelName]: label },
            metricName: `${name}_bucket`,
          });
        }
        values.push({
          value: data.count,
          labels: { le: '+Inf', [labelName]: label },
          metricName: `${name}_bucket`,
        });
        values.push({ value: data.sum, labels: { [labelName]: label }, metricName: `${name}_sum` });
        values.push({ value: data.count, labels: { [labelName]: label }, metricName: `${name}_count` });
      }
      return { name, help: options.help, type: 'histogram', values, aggregator: 'sum' };
    },
    reset() {
      series.fill(undefined);
    },
  };
  options.registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
  return {
    observe(labelIndex, value) {
      let data = series[labelIndex];
      if (data === undefined) {
        data = { buckets: new Float64Array(buckets.length), sum: 0, count: 0 };
        series[labelIndex] = data;
      }
      data.sum += value;
      data.count += 1;
      for (let b = 0; b < buckets.length; b++) {
        if (value <= (buckets[b] as number)) {
          (data.buckets as Float64Array)[b] = (data.buckets[b] as number) + 1;
          break;
        }
      }
    },
  };
}
