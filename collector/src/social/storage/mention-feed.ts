import type { Mention, MentionPage, MentionSummary, SummaryBucket } from '@stimawatch/core';
import { POST_CATEGORIES, type PostCategory, type PostTopic, type SocialSource } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import { BUCKET_MS, hourOfWeekBaseline, WEEK_MS } from '../counting/complaint-baseline';
import { encodeFeedCursor, type FeedCursor, type FeedSort } from './feed-cursor';

export interface FeedQuery {
  category?: PostCategory;
  topic?: PostTopic;
  county?: string;
  source?: SocialSource;
  sinceMs?: number;
  untilMs?: number;
  sort: FeedSort;
  cursor?: FeedCursor;
  limit: number;
}

interface FeedRow {
  id: number;
  source: string;
  channel: string;
  external_id: string;
  author_handle: string | null;
  text: string;
  created_at: Date;
  lang: string;
  category: string;
  topic: string | null;
  county: string | null;
  sentiment: string;
  sentiment_score: number;
  reach: number;
  impressions: number | null;
  followers: number | null;
  report_kind: string | null;
}

function toItem(row: FeedRow): Mention {
  return {
    id: row.id,
    source: row.source,
    channel: row.channel,
    externalId: row.external_id,
    url:
      row.channel === 'x' && row.author_handle !== null
        ? `https://x.com/${row.author_handle}/status/${row.external_id}`
        : null,
    author: row.author_handle,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
    lang: row.lang,
    category: row.category,
    topic: row.topic,
    county: row.county,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    reach: row.reach,
    impressions: row.impressions,
    followers: row.followers,
    reportKind: row.report_kind,
  };
}

/** One page of the mentions feed, newest first or loudest (reach) first, with keyset pagination. */
export async function listMentions(db: SqlQueryable, query: FeedQuery): Promise<MentionPage> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.category !== undefined) add((p) => `category = ${p}`, query.category);
  if (query.topic !== undefined) add((p) => `topic = ${p}`, query.topic);
  if (query.county !== undefined) add((p) => `lower(county) = lower(${p})`, query.county);
  if (query.source !== undefined) add((p) => `source = ${p}`, query.source);
  if (query.sinceMs !== undefined) add((p) => `created_at >= ${p}`, new Date(query.sinceMs).toISOString());
  if (query.untilMs !== undefined) add((p) => `created_at < ${p}`, new Date(query.untilMs).toISOString());
  const sortColumn = query.sort === 'reach' ? 'reach' : 'created_at';
  if (query.cursor !== undefined) {
    const key = query.sort === 'reach' ? query.cursor.key : new Date(query.cursor.key).toISOString();
    params.push(key, query.cursor.id);
    where.push(`(${sortColumn}, id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(query.limit + 1);
  const { rows } = await db.query<FeedRow>(
    `SELECT id, source, channel, external_id, author_handle, text, created_at, lang, category, topic, county,
            sentiment, sentiment_score, reach, impressions, followers, report_kind
       FROM social_mentions
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${sortColumn} DESC, id DESC
      LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeFeedCursor({
          sort: query.sort,
          key: query.sort === 'reach' ? last.reach : new Date(last.created_at).getTime(),
          id: last.id,
        })
      : null;
  return { items: page.map(toItem), nextCursor };
}

interface BucketRow {
  bucket: number;
  posts: number;
  authors: number;
  negative: number;
  neutral: number;
  positive: number;
  mean: number | null;
}

/** Counts by county and category, and per 10-minute bucket: unique complaining authors against the baseline. */
export async function summariseMentions(
  db: SqlQueryable,
  range: { sinceMs: number; untilMs: number; baselineWeeks: number },
): Promise<MentionSummary> {
  const since = new Date(range.sinceMs).toISOString();
  const until = new Date(range.untilMs).toISOString();
  const historyFrom = new Date(range.sinceMs - range.baselineWeeks * WEEK_MS).toISOString();
  const [categories, counties, buckets, first] = await Promise.all([
    db.query<{ category: PostCategory; n: number }>(
      `SELECT category, count(*) AS n FROM social_mentions
        WHERE created_at >= $1 AND created_at < $2 GROUP BY category`,
      [since, until],
    ),
    db.query<{ county: string; posts: number; complaints: number }>(
      `SELECT county, count(*) AS posts, count(*) FILTER (WHERE category = 'outage_complaint') AS complaints
         FROM social_mentions
        WHERE created_at >= $1 AND created_at < $2 AND county IS NOT NULL AND category <> 'official'
        GROUP BY county ORDER BY complaints DESC, posts DESC, county`,
      [since, until],
    ),
    db.query<BucketRow>(
      `SELECT floor(extract(epoch FROM created_at) / ${BUCKET_MS / 1000})::bigint AS bucket,
              count(*) AS posts,
              count(DISTINCT author_key) FILTER (WHERE category = 'outage_complaint' AND counted) AS authors,
              count(*) FILTER (WHERE sentiment = 'negative') AS negative,
              count(*) FILTER (WHERE sentiment = 'neutral') AS neutral,
              count(*) FILTER (WHERE sentiment = 'positive') AS positive,
              avg(sentiment_score) AS mean
         FROM social_mentions
        WHERE created_at >= $1 AND created_at < $2 AND category <> 'official'
        GROUP BY 1`,
      [historyFrom, until],
    ),
    db.query<{ first: Date | null }>('SELECT min(created_at) AS first FROM social_mentions'),
  ]);
  const byBucket = new Map(buckets.rows.map((row) => [Number(row.bucket) * BUCKET_MS, row]));
  const firstRow = first.rows[0]?.first;
  const historyStartMs = firstRow ? new Date(firstRow).getTime() : range.untilMs;
  const byCategory = Object.fromEntries(POST_CATEGORIES.map((category) => [category, 0])) as Record<
    PostCategory,
    number
  >;
  for (const row of categories.rows) byCategory[row.category] = row.n;
  const series: SummaryBucket[] = [];
  for (
    let start = Math.floor(range.sinceMs / BUCKET_MS) * BUCKET_MS;
    start < range.untilMs;
    start += BUCKET_MS
  ) {
    const row = byBucket.get(start);
    const baseline = hourOfWeekBaseline(
      start,
      (bucket) => byBucket.get(bucket)?.authors,
      historyStartMs,
      range.baselineWeeks,
    );
    series.push({
      start: new Date(start).toISOString(),
      posts: row?.posts ?? 0,
      complaintAuthors: row?.authors ?? 0,
      baseline: baseline.median,
      negative: row?.negative ?? 0,
      neutral: row?.neutral ?? 0,
      positive: row?.positive ?? 0,
      meanSentiment: row?.mean ?? null,
    });
  }
  return {
    since,
    until,
    byCategory,
    byCounty: counties.rows.map((row) => ({
      county: row.county,
      posts: row.posts,
      outageComplaints: row.complaints,
    })),
    buckets: series,
  };
}
