import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('runs once for a lone caller and shares one follow-up run among callers that arrive meanwhile', async () => {
    const releases: (() => void)[] = [];
    let runs = 0;
    const shared = coalesce(async () => {
      const run = ++runs;
      await new Promise<void>((resolve) => releases.push(resolve));
      return run;
    });
    const first = shared();
    const waiting = [shared(), shared(), shared()];
    expect(runs).toBe(1);
    releases[0]?.();
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    releases[1]?.();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    const later = shared();
    expect(runs).toBe(3);
    releases[2]?.();
    expect(await later).toBe(3);
  });

  it('starts the follow-up even when the current run fails, and reports each run its own outcome', async () => {
    let calls = 0;
    const shared = coalesce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('first failed');
      return calls;
    });
    const first = shared();
    const second = shared();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
  });
});
