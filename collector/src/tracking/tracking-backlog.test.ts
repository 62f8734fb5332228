import { describe, expect, it } from 'vitest';
import { TrackingBacklog } from './tracking-backlog';
import type { TrackingOp } from './tracking-op';

const op = (id: number): TrackingOp => [`A${id}`, 0, 0, 'app'];

describe('TrackingBacklog', () => {
  it('takes whole batches up to its capacity and refuses the batch that does not fit', () => {
    const backlog = new TrackingBacklog(3);
    expect(backlog.offer([op(1), op(2)])).toBe(true);
    expect(backlog.offer([op(3), op(4)])).toBe(false);
    expect(backlog.size).toBe(2);
    expect(backlog.offer([op(3), op(4)], true)).toBe(true);
    expect(backlog.size).toBe(4);
  });

  it('hands out the oldest operations first and forgets them only once removed', () => {
    const backlog = new TrackingBacklog(10);
    backlog.offer([op(1), op(2), op(3)]);
    expect(backlog.peek(2).map((o) => o[0])).toEqual(['A1', 'A2']);
    expect(backlog.size).toBe(3);
    backlog.remove(2);
    expect(backlog.peek(5).map((o) => o[0])).toEqual(['A3']);
    backlog.remove(1);
    expect(backlog.size).toBe(0);
    expect(backlog.offer([op(9)])).toBe(true);
    expect(backlog.peek(1)[0]?.[0]).toBe('A9');
  });
});
