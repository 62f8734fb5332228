import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, scaledSeconds, scaleDuration } from './duration';

describe('Prometheus durations', () => {
  it('parses single and compound durations', () => {
    expect(parseDuration('15s')).toBe(15_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1500ms')).toBe(1_500);
    expect(parseDuration('1w')).toBe(604_800_000);
  });

  it('rejects what Prometheus would reject', () => {
    expect(() => parseDuration('5 m')).toThrow(/not a Prometheus duration/);
    expect(() => parseDuration('1.5m')).toThrow(/not a Prometheus duration/);
    expect(() => formatDuration(0)).toThrow(/positive/);
  });

  it('formats in the largest unit that divides exactly', () => {
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(12_960_000)).toBe('216m');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(1_500)).toBe('1500ms');
    expect(formatDuration(259_200_000)).toBe('3d');
  });

  it('divides by the time scale, keeping valid durations', () => {
    expect(scaleDuration('5m', 20)).toBe('15s');
    expect(scaleDuration('1h', 20)).toBe('3m');
    expect(scaleDuration('3d', 20)).toBe('216m');
    expect(scaleDuration('1w', 20)).toBe('504m');
    expect(scaleDuration('30s', 20)).toBe('1500ms');
    expect(scaleDuration('10m', 1)).toBe('10m');
    expect(scaledSeconds('15m', 20)).toBe(45);
  });
});
