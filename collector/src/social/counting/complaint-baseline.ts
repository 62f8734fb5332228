/** The hour-of-week baseline of unique complaining authors per 10-minute window: pure functions of a series. */

export const BUCKET_MS = 10 * 60_000;
export const HOUR_MS = 60 * 60_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;

export interface Baseline {
  /** The median of the same hour of the week in past weeks (0 without history). */
  median: number;
  /** Median absolute deviation of those samples, a spread measure a single outage week cannot inflate. */
  mad: number;
  samples: number;
}

export function bucketStart(timeMs: number, bucketMs = BUCKET_MS): number {
  return Math.floor(timeMs / bucketMs) * bucketMs;
}

/**
 * The bucket starts that describe "this hour of the week" in each of the past `weeks` weeks: the six
 * 10-minute buckets of the hour that contained `nowMs − w·week`, for w = 1…weeks.
 */
export function baselineBuckets(nowMs: number, weeks: number): number[] {
  const starts: number[] = [];
  for (let week = 1; week <= weeks; week += 1) {
    const hour = Math.floor((nowMs - week * WEEK_MS) / HOUR_MS) * HOUR_MS;
    for (let bucket = hour; bucket < hour + HOUR_MS; bucket += BUCKET_MS) starts.push(bucket);
  }
  return starts;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function robustBaseline(samples: readonly number[]): Baseline {
  const centre = median(samples);
  return {
    median: centre,
    mad: median(samples.map((value) => Math.abs(value - centre))),
    samples: samples.length,
  };
}

/**
 * Median and MAD of the unique-author counts at this hour of the week over past weeks. Buckets before
 * `historyStartMs` (when counting began) are unknown and left out; known buckets with no entry count as 0.
 */
export function hourOfWeekBaseline(
  nowMs: number,
  countAt: (bucketStartMs: number) => number | undefined,
  historyStartMs: number,
  weeks: number,
): Baseline {
  const samples = baselineBuckets(nowMs, weeks)
    .filter((start) => start >= bucketStart(historyStartMs))
    .map((start) => countAt(start) ?? 0);
  return robustBaseline(samples);
}
