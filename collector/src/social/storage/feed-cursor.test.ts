import { StimaError } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';

describe('feed cursor', () => {
  it('round-trips', () => {
    const cursor = { sort: 'reach' as const, key: 120_000, id: 42 };
    expect(decodeFeedCursor(encodeFeedCursor(cursor), 'reach')).toEqual(cursor);
  });

  it('rejects garbage and cursors of another sort order as validation errors', () => {
    expect(() => decodeFeedCursor('not-a-cursor', 'newest')).toThrow(StimaError);
    const reach = encodeFeedCursor({ sort: 'reach', key: 1, id: 1 });
    expect(() => decodeFeedCursor(reach, 'newest')).toThrow(/sort=reach/);
  });
});
