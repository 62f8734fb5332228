import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatTime } from './format';
import { parseRoute } from './use-hash-route';

describe('format', () => {
  it('formats durations for people', () => {
    expect([formatDuration(12_000), formatDuration(249_000), formatDuration(3_900_000)]).toEqual([
      '12 s',
      '4 min 09 s',
      '1 h 05 min',
    ]);
    expect([formatDuration(null), formatDuration(-1)]).toEqual(['—', '—']);
  });

  it('shows times in Nairobi and ratios as percentages', () => {
    expect(formatTime('2026-05-04T16:00:05.000Z')).toBe('19:00:05');
    expect([formatPercent(0.0421), formatPercent(null)]).toEqual(['4.2 %', '—']);
  });
});

describe('parseRoute', () => {
  it('reads the view and the incident ref from the hash', () => {
    expect(parseRoute('')).toEqual({ view: 'overview' });
    expect(parseRoute('#/incidents/12')).toEqual({ view: 'incidents', ref: 12 });
    expect(parseRoute('#/incidents/12/report')).toEqual({ view: 'report', ref: 12 });
    expect(parseRoute('#/comms/3')).toEqual({ view: 'comms', ref: 3 });
    expect(parseRoute('#/incidents/x')).toEqual({ view: 'incidents' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'overview' });
  });
});
