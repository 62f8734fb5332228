import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './endpoint-guard';

describe('backoffDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffDelayMs(failures, 30_000, 600_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000,
    ]);
  });

  it('is zero without failures and never overflows', () => {
    expect(backoffDelayMs(0, 1000, 5000)).toBe(0);
    expect(backoffDelayMs(10_000, 1000, 5000)).toBe(5000);
  });
});
