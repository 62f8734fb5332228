import { StimaError } from '@stimawatch/core';
import { z } from 'zod';

export const FEED_SORTS = ['newest', 'reach'] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

/** Where the previous page ended: its last sort key (created-at ms or reach) and row id. */
export interface FeedCursor {
  sort: FeedSort;
  key: number;
  id: number;
}

const cursorSchema = z.object({
  s: z.enum(FEED_SORTS),
  k: z.number().int().nonnegative(),
  i: z.number().int().positive(),
});

export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id })).toString('base64url');
}

/** Decodes an opaque cursor; a tampered cursor or one from another sort order is a 400. */
export function decodeFeedCursor(raw: string, sort: FeedSort): FeedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success)
    throw new StimaError('VALIDATION', 'cursor is not valid', { details: { cursor: raw } });
  if (result.data.s !== sort) {
    throw new StimaError('VALIDATION', `cursor belongs to sort=${result.data.s}, not sort=${sort}`);
  }
  return { sort, key: result.data.k, id: result.data.i };
}
