import { describe, expect, it } from 'vitest';
import { createBacklog } from './backlog';

const stuck = (i: number) => ({
  attemptId: `A${i}`,
  channel: 'mpesa_c2b' as const,
  amountMinor: 10_000,
  meterNumber: '14252321790',
  paidAtMs: i,
});

describe('backlog', () => {
  it('drains evenly over the drain window, oldest first', () => {
    const backlog = createBacklog();
    for (let i = 0; i < 100; i++) backlog.add(stuck(i));
    const first = backlog.drain(10_000, 100_000);
    expect(first.map((p) => p.attemptId)).toEqual(Array.from({ length: 10 }, (_, i) => `A${i}`));
    let drained = first.length;
    for (let step = 0; step < 9; step++) drained += backlog.drain(10_000, 100_000).length;
    expect(drained).toBe(100);
    expect(backlog.size).toBe(0);
  });

  it('carries fractional credit so small steps still drain', () => {
    const backlog = createBacklog();
    for (let i = 0; i < 10; i++) backlog.add(stuck(i));
    let drained = 0;
    for (let step = 0; step < 400; step++) drained += backlog.drain(250, 100_000).length;
    expect(drained).toBe(10);
  });
});
