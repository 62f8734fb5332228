import { StimaError } from '@stimawatch/core';

/** Prometheus duration units, largest first, in milliseconds. */
const UNITS: readonly (readonly [unit: string, ms: number])[] = [
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];
const UNIT_MS = new Map(UNITS);
const DURATION_RE = /^(?:\d+(?:ms|[smhdwy]))+$/;
const PART_RE = /(\d+)(ms|[smhdwy])/g;

/** Parses a Prometheus duration (`15s`, `1h30m`, `1500ms`) into milliseconds. */
export function parseDuration(text: string): number {
  if (!DURATION_RE.test(text)) {
    throw new StimaError('VALIDATION', `"${text}" is not a Prometheus duration (e.g. 15s, 5m, 1h)`, { text });
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART_RE)) {
    const unitMs = unit === 'y' ? 365 * 86_400_000 : (UNIT_MS.get(unit ?? '') ?? 0);
    total += Number(amount) * unitMs;
  }
  return total;
}

/**
 * Formats milliseconds as a single-unit Prometheus duration, using the largest unit that divides it exactly
 * (`300000` → `5m`, `12960000` → `216m`, `1500` → `1500ms`), so every Prometheus version parses it.
 */
export function formatDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new StimaError('VALIDATION', `a duration must be a positive whole number of ms, got ${ms}`, { ms });
  }
  for (const [unit, unitMs] of UNITS) {
    if (ms % unitMs === 0) return `${ms / unitMs}${unit}`;
  }
  return `${ms}ms`;
}

/** Divides a duration by `timeScale`, rounding to whole milliseconds (never below 1 ms). */
export function scaleDuration(text: string, timeScale: number): string {
  return formatDuration(Math.max(1, Math.round(parseDuration(text) / timeScale)));
}

/** Seconds in a duration divided by `timeScale`, for thresholds compared with time-valued series. */
export function scaledSeconds(text: string, timeScale: number): number {
  return Math.max(0.001, Math.round(parseDuration(text) / timeScale) / 1000);
}
