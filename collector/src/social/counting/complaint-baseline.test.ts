import { describe, expect, it } from 'vitest';
import {
  BUCKET_MS,
  baselineBuckets,
  HOUR_MS,
  hourOfWeekBaseline,
  median,
  robustBaseline,
  WEEK_MS,
} from './complaint-baseline';

const MONDAY_0815 = Date.parse('2026-06-15T08:15:00Z');

describe('median and MAD', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('is not dragged up by one outage week', () => {
    expect(robustBaseline([2, 3, 3, 4, 250])).toEqual({ median: 3, mad: 1, samples: 5 });
  });
});

describe('hourOfWeekBaseline', () => {
  it('samples the six 10-minute buckets of the same hour in each past week', () => {
    const buckets = baselineBuckets(MONDAY_0815, 2);
    expect(buckets).toHaveLength(12);
    expect(new Date(buckets[0] ?? 0).toISOString()).toBe('2026-06-08T08:00:00.000Z');
    expect(new Date(buckets[5] ?? 0).toISOString()).toBe('2026-06-08T08:50:00.000Z');
    expect(new Date(buckets[6] ?? 0).toISOString()).toBe('2026-06-01T08:00:00.000Z');
  });

  it('uses the median and MAD of those counts, missing known buckets counting as zero', () => {
    const counts = new Map<number, number>();
    const lastWeek = Date.parse('2026-06-08T08:00:00Z');
    const twoWeeksAgo = Date.parse('2026-06-01T08:00:00Z');
    for (const [i, count] of [4, 6, 5, 5, 7, 3].entries()) counts.set(lastWeek + i * BUCKET_MS, count);
    for (const [i, count] of [5, 5, 4, 6].entries()) counts.set(twoWeeksAgo + i * BUCKET_MS, count);
    const baseline = hourOfWeekBaseline(MONDAY_0815, (start) => counts.get(start), 0, 2);
    expect(baseline.samples).toBe(12);
    // Sorted: 0 0 3 4 4 5 5 5 5 6 6 7 → median 5; deviations 5 5 2 1 1 0 0 0 0 1 1 2 → MAD 1.
    expect(baseline).toEqual({ median: 5, mad: 1, samples: 12 });
  });

  it('leaves out weeks before counting began, so a new install starts from no history', () => {
    const counts = new Map([[Date.parse('2026-06-08T08:10:00Z'), 9]]);
    const startedLastWeek = Date.parse('2026-06-08T08:05:00Z');
    const baseline = hourOfWeekBaseline(MONDAY_0815, (start) => counts.get(start), startedLastWeek, 4);
    expect(baseline.samples).toBe(6);
    expect(baseline.median).toBe(0);
    expect(hourOfWeekBaseline(MONDAY_0815, () => 3, MONDAY_0815 - HOUR_MS, 4)).toEqual({
      median: 0,
      mad: 0,
      samples: 0,
    });
  });

  it('moves with the hour of the week', () => {
    const counts = (start: number) => (new Date(start).getUTCHours() === 19 ? 40 : 2);
    const eveningBaseline = hourOfWeekBaseline(Date.parse('2026-06-15T19:30:00Z'), counts, 0, 4);
    const morningBaseline = hourOfWeekBaseline(MONDAY_0815, counts, 0, 4);
    expect(eveningBaseline.median).toBe(40);
    expect(morningBaseline.median).toBe(2);
    expect(WEEK_MS).toBe(604_800_000);
  });
});
