import { POST_CATEGORIES, POST_TOPICS, SOCIAL_SOURCES, StimaError } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { decodeFeedCursor, FEED_SORTS } from '../storage/feed-cursor';
import { listMentions, summariseMentions } from '../storage/mention-feed';
import { bearerSource, issuesOf } from './social-http';

const DAY_MS = 24 * 60 * 60_000;
const MAX_SUMMARY_RANGE_MS = 7 * DAY_MS;

const time = z.union([
  z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
  z.coerce.number().int().nonnegative(),
]);

const feedQuerySchema = z.object({
  category: z.enum(POST_CATEGORIES).optional(),
  topic: z.enum(POST_TOPICS).optional(),
  county: z.string().trim().min(1).max(40).optional(),
  source: z.enum(SOCIAL_SOURCES).optional(),
  since: time.optional(),
  until: time.optional(),
  sort: z.enum(FEED_SORTS).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const summaryQuerySchema = z.object({ since: time.optional(), until: time.optional() });

function parseQuery<T>(schema: z.ZodType<T>, c: Context): T {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success)
    throw new StimaError('VALIDATION', 'invalid query', { details: issuesOf(parsed.error) });
  return parsed.data;
}

/**
 * The dashboard's feed API: `GET /v1/mentions` (filters, newest or loudest first, cursor pagination) and
 * `GET /v1/mentions/summary` (by county, category and 10-minute bucket with baseline; sentiment over time).
 * With `SOCIAL_FEED_TOKEN` set both require it as a bearer token.
 */
export function mountFeedRoutes(
  app: Hono,
  deps: { db: SqlQueryable; feedToken: string | undefined; baselineWeeks: number; now: () => number },
): void {
  const tokens = new Map(deps.feedToken === undefined ? [] : [[deps.feedToken, 'feed']]);
  const authorise = (c: Context) => {
    if (deps.feedToken !== undefined) bearerSource(c, tokens);
  };

  app.get('/v1/mentions/summary', async (c) => {
    authorise(c);
    const query = parseQuery(summaryQuerySchema, c);
    const untilMs = query.until ?? deps.now();
    const sinceMs = query.since ?? untilMs - DAY_MS;
    if (sinceMs >= untilMs) throw new StimaError('VALIDATION', 'since must be before until');
    if (untilMs - sinceMs > MAX_SUMMARY_RANGE_MS)
      throw new StimaError('VALIDATION', 'the range is limited to 7 days');
    return c.json(await summariseMentions(deps.db, { sinceMs, untilMs, baselineWeeks: deps.baselineWeeks }));
  });

  app.get('/v1/mentions', async (c) => {
    authorise(c);
    const query = parseQuery(feedQuerySchema, c);
    const page = await listMentions(deps.db, {
      sort: query.sort,
      limit: query.limit,
      ...(query.category === undefined ? {} : { category: query.category }),
      ...(query.topic === undefined ? {} : { topic: query.topic }),
      ...(query.county === undefined ? {} : { county: query.county }),
      ...(query.source === undefined ? {} : { source: query.source }),
      ...(query.since === undefined ? {} : { sinceMs: query.since }),
      ...(query.until === undefined ? {} : { untilMs: query.until }),
      ...(query.cursor === undefined ? {} : { cursor: decodeFeedCursor(query.cursor, query.sort) }),
    });
    return c.json(page);
  });
}
