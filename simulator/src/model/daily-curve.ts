import { eatHourOfDay, eatParts } from './eat-time';

/**
 * Assumed size of the utility (KPLC: 6.8 M prepaid customers in June 2024, Capital FM; we round to 7 M).
 * KPLC does not publish daily token volume. We assume a customer buys about once a week (small amounts:
 * KES 100–500 is typical for prepaid households), i.e. ≈ 7 M / 7.5 days ≈ 0.93 M purchases a day,
 * ≈ 650 purchases per minute on average at real scale.
 */
export const PREPAID_CUSTOMERS = 7_000_000;
export const MEAN_PURCHASES_PER_MINUTE = 650;

/**
 * Relative purchase intensity for each EAT hour (value at the middle of the hour). Shape: night trough
 * 02:00–05:00 (~10 % of mean), morning peak 07:00–09:00 (people notice "low credit" before work), lunch plateau,
 * evening peak 18:00–21:00 (cooking, lights, TV: the largest). Weekend: later, flatter morning, busier midday.
 */
const WEEKDAY_SHAPE = [
  0.34, 0.2, 0.12, 0.1, 0.12, 0.3, 0.8, 1.5, 1.7, 1.4, 1.1, 1.0, 1.05, 1.0, 0.95, 0.95, 1.05, 1.3, 1.7, 1.95,
  1.8, 1.3, 0.85, 0.55,
] as const;
const WEEKEND_SHAPE = [
  0.4, 0.24, 0.14, 0.1, 0.1, 0.18, 0.45, 0.9, 1.25, 1.45, 1.4, 1.3, 1.25, 1.15, 1.05, 1.0, 1.05, 1.25, 1.6,
  1.85, 1.75, 1.3, 0.9, 0.62,
] as const;

function normalise(shape: readonly number[]): number[] {
  const mean = shape.reduce((sum, value) => sum + value, 0) / shape.length;
  return shape.map((value) => value / mean);
}

const WEEKDAY = normalise(WEEKDAY_SHAPE);
const WEEKEND = normalise(WEEKEND_SHAPE);

/** Piecewise-linear between hour midpoints; each day's shape averages exactly 1 over 24 h. */
function shapeAt(shape: readonly number[], hourOfDay: number): number {
  const position = hourOfDay - 0.5;
  const lowerIndex = Math.floor(position);
  const fraction = position - lowerIndex;
  const lower = shape[(lowerIndex + 24) % 24] ?? 1;
  const upper = shape[(lowerIndex + 25) % 24] ?? 1;
  return lower + (upper - lower) * fraction;
}

/** Relative intensity (mean 1 over a day) at an instant, by Nairobi time of day and weekday. */
export function dailyIntensity(ms: number): number {
  const { dayOfWeek } = eatParts(ms);
  const weekend = dayOfWeek === 0 || dayOfWeek === 6;
  return shapeAt(weekend ? WEEKEND : WEEKDAY, eatHourOfDay(ms));
}

/** Expected purchase attempts per minute at an instant, at the given scale (1 = the real utility). */
export function purchasesPerMinute(ms: number, scale: number): number {
  return MEAN_PURCHASES_PER_MINUTE * scale * dailyIntensity(ms);
}
