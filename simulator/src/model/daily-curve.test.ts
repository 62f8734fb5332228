import { describe, expect, it } from 'vitest';
import { dailyIntensity, MEAN_PURCHASES_PER_MINUTE, purchasesPerMinute } from './daily-curve';
import { eatInstant } from './eat-time';

const TUESDAY = { y: 2024, m: 6, d: 4 };
const SATURDAY = { y: 2024, m: 6, d: 8 };
const at = (day: { y: number; m: number; d: number }, hour: number, minute = 0) =>
  eatInstant(day.y, day.m, day.d, hour, minute);

function dailyMean(day: { y: number; m: number; d: number }): number {
  let sum = 0;
  for (let minute = 0; minute < 1440; minute++) sum += purchasesPerMinute(at(day, 0, minute), 1);
  return sum / 1440;
}

describe('daily purchase curve', () => {
  it('averages the assumed real-scale rate over a weekday and a weekend day', () => {
    expect(Math.abs(dailyMean(TUESDAY) - MEAN_PURCHASES_PER_MINUTE)).toBeLessThan(10);
    expect(Math.abs(dailyMean(SATURDAY) - MEAN_PURCHASES_PER_MINUTE)).toBeLessThan(10);
  });

  it('is low at night and peaks in the morning and evening', () => {
    for (const hour of [2, 3, 4]) expect(dailyIntensity(at(TUESDAY, hour, 30))).toBeLessThan(0.25);
    const morning = dailyIntensity(at(TUESDAY, 8));
    const evening = dailyIntensity(at(TUESDAY, 19, 30));
    const afternoon = dailyIntensity(at(TUESDAY, 14, 30));
    expect(morning).toBeGreaterThan(1.4);
    expect(evening).toBeGreaterThan(morning);
    expect(afternoon).toBeLessThan(morning);
    expect(afternoon).toBeLessThan(evening);
  });

  it('has a later, flatter morning on weekends', () => {
    expect(dailyIntensity(at(SATURDAY, 7, 30))).toBeLessThan(dailyIntensity(at(TUESDAY, 7, 30)));
    expect(dailyIntensity(at(SATURDAY, 10, 30))).toBeGreaterThan(dailyIntensity(at(TUESDAY, 10, 30)));
  });

  it('scales linearly with SIM_SCALE', () => {
    const ms = at(TUESDAY, 12);
    expect(purchasesPerMinute(ms, 0.1)).toBeCloseTo(purchasesPerMinute(ms, 1) / 10, 6);
  });
});
