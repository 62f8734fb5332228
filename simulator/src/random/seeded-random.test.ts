import { describe, expect, it } from 'vitest';
import { createRandom } from './seeded-random';

describe('createRandom', () => {
  it('reproduces the same sequence for the same seed and differs for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    const seqC = Array.from({ length: 5 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('draws uniforms in [0, 1) with a mean near one half', () => {
    const random = createRandom('uniform');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('draws weighted keys in proportion to their weights', () => {
    const random = createRandom(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) counts[random.weighted({ a: 0.7, b: 0.2, c: 0.1 })]++;
    expect(counts.a / 30_000).toBeCloseTo(0.7, 1);
    expect(counts.c / 30_000).toBeCloseTo(0.1, 1);
  });

  it('draws Poisson counts with the requested mean, small and large', () => {
    const random = createRandom(9);
    for (const mean of [0.4, 3, 120]) {
      let sum = 0;
      for (let i = 0; i < 5_000; i++) sum += random.poisson(mean);
      expect(Math.abs(sum / 5_000 - mean) / mean).toBeLessThan(0.06);
    }
  });

  it('gives forked streams that do not mirror the parent', () => {
    const parent = createRandom(1);
    const child = parent.fork('posts');
    expect(child.next()).not.toBe(parent.next());
  });
});
