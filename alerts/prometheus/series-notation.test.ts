import { describe, expect, it } from 'vitest';
import { counterNotation, gaugeNotation, seriesNotation } from './series-notation';

/** Expands promtool's notation back into samples (the subset we write). */
function expand(notation: string): (number | null)[] {
  return notation.split(' ').flatMap((part): (number | null)[] => {
    const missing = /^_(?:x(\d+))?$/.exec(part);
    if (missing) return Array.from({ length: Number(missing[1] ?? 1) }, () => null);
    const match = /^(-?[\d.]+)(?:([+-][\d.]+)?x(\d+))?$/.exec(part);
    if (!match) throw new Error(`unexpected part ${part}`);
    const start = Number(match[1]);
    const step = Number(match[2] ?? 0);
    const count = match[3] === undefined ? 1 : Number(match[3]) + 1;
    return Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(6)));
  });
}

describe('promtool series notation', () => {
  it('compresses arithmetic runs, constants and gaps', () => {
    expect(seriesNotation([0, 1, 2, 3, 3, 3, null, null, 7])).toBe('0+1x3 3x1 _x2 7');
    expect(seriesNotation([5])).toBe('5');
  });

  it('round-trips counters built from increments, holding across missing scrapes', () => {
    const increments = [1.5, 1.5, 1.5, 0.2, null, null, 0.2, 3];
    const notation = counterNotation(increments);
    expect(expand(notation)).toEqual([0, 1.5, 3, 4.5, 4.7, null, null, 4.9, 7.9]);
  });

  it('round-trips gauges', () => {
    const notation = gaugeNotation(6, (i) => (i < 3 ? i * 60 : 120));
    expect(expand(notation)).toEqual([0, 60, 120, 120, 120, 120]);
  });
});
