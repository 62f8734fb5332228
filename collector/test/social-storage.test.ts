import type { SqlClient } from '@stimawatch/core/db';
import {
  createPrivatePostgres,
  deleteRedisPrefix,
  type PrivatePostgres,
  privateRedisPrefix,
  TEST_REDIS_URL,
} from '@stimawatch/core/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSocialModule, type SocialModule } from '../src/social';
import { createMentionStore, type MentionRow } from '../src/social/storage/mention-store';
import { captureLogs, classify, INGEST_TOKEN, openDb, socialConfig } from './social-fixtures';

const FEED_TOKEN = 'feed-token-0123456789abcdef';
const BASE = Date.parse('2026-06-15T08:00:00Z');

let privatePostgres: PrivatePostgres;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
});
afterAll(async () => {
  await privatePostgres.drop();
});

function row(index: number, overrides: Partial<MentionRow> = {}): MentionRow {
  return {
    source: 'webhook',
    channel: 'facebook',
    externalId: `post-${index}`,
    authorKey: `author-${index % 3}`,
    authorHandle: `fan${index}`,
    text: `post number ${index}`,
    createdAtMs: BASE + index * 60_000,
    receivedAtMs: BASE + index * 60_000,
    category: 'outage_complaint',
    topic: 'token_purchase',
    lang: 'en',
    county: index % 2 === 0 ? 'Kisumu' : 'Nairobi',
    sentiment: 'negative',
    sentimentScore: -0.6,
    impressions: null,
    followers: 1000 - index,
    reach: [50, 900, 50, 10, 900, 300, 50][index] ?? 0,
    reportKind: null,
    counted: true,
    ...overrides,
  };
}

describe.each([
  ['pglite', () => openDb('pglite')],
  ['postgres', () => openDb('postgres', privatePostgres.url)],
] as const)('mention storage and feed on %s', (_kind, open) => {
  let db: SqlClient;
  let module: SocialModule;
  let prefix: string;
  const clock = { now: BASE + 60 * 60_000 };
  beforeAll(async () => {
    db = await open();
    prefix = privateRedisPrefix('social-store');
    module = createSocialModule({
      config: socialConfig({ SOCIAL_FEED_TOKEN: FEED_TOKEN, SOCIAL_RETENTION_DAYS: '30' }),
      db,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
      registry: new Registry(),
      logger: captureLogs().logger,
      classify,
      ingestTokens: new Map([[INGEST_TOKEN, 'mentions']]),
      now: () => clock.now,
    });
  });
  afterAll(async () => {
    await module.stop();
    await db.close();
    await deleteRedisPrefix(prefix);
  });

  const feed = async (query: string) => {
    const response = await module.routes.request(`/v1/mentions${query}`, {
      headers: { authorization: `Bearer ${FEED_TOKEN}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      items: { externalId: string; reach: number }[];
      nextCursor: string | null;
    };
  };

  it('inserts in multi-row batches and reports which rows were new', async () => {
    const store = createMentionStore(db);
    const first = await store.insertMany([0, 1, 2, 3, 4, 5, 6].map((index) => row(index)));
    expect(first.size).toBe(7);
    const again = await store.insertMany([row(6), row(7)]);
    expect([...again]).toEqual(['webhook|facebook|post-7']);
  });

  it('pages the feed newest first with a cursor, without gaps or repeats', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await feed(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.items.map((item) => item.externalId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual(['post-7', 'post-6', 'post-5', 'post-4', 'post-3', 'post-2', 'post-1', 'post-0']);
  });

  it('sorts the loudest first, ties broken by id, across pages', async () => {
    const first = await feed('?sort=reach&limit=4');
    const second = await feed(`?sort=reach&limit=4&cursor=${first.nextCursor}`);
    const reach = [...first.items, ...second.items].map((item) => item.reach);
    expect(reach).toEqual([900, 900, 300, 50, 50, 50, 10, 0]);
    expect(second.nextCursor).toBeNull();
    const wrongSort = await module.routes.request(`/v1/mentions?cursor=${first.nextCursor}`, {
      headers: { authorization: `Bearer ${FEED_TOKEN}` },
    });
    expect(wrongSort.status).toBe(400);
  });

  it('filters by county, category and time, and requires the feed token', async () => {
    const kisumu = await feed('?county=kisumu');
    expect(kisumu.items.map((item) => item.externalId)).toEqual(['post-6', 'post-4', 'post-2', 'post-0']);
    const window = await feed(
      `?since=${new Date(BASE + 2 * 60_000).toISOString()}&until=${BASE + 4 * 60_000}`,
    );
    expect(window.items.map((item) => item.externalId)).toEqual(['post-3', 'post-2']);
    expect((await feed('?category=official')).items).toEqual([]);
    expect((await module.routes.request('/v1/mentions')).status).toBe(401);
    expect(
      (
        await module.routes.request('/v1/mentions?limit=0', {
          headers: { authorization: `Bearer ${FEED_TOKEN}` },
        })
      ).status,
    ).toBe(400);
  });

  it('stores masked text and keeps public handles', async () => {
    const response = await module.routes.request('/v1/mentions', {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'sms-1',
        source: 'sms_shortcode',
        text: 'No token for meter 0123 456 7890, call me on +254 722000111 or 0722000111',
        author: '0722000111',
        createdAt: clock.now - 60_000,
      }),
    });
    expect(response.status).toBe(200);
    const stored = await db.query<{ text: string; author_handle: string }>(
      "SELECT text, author_handle FROM social_mentions WHERE external_id = 'sms-1'",
    );
    expect(stored.rows[0]).toEqual({
      text: 'No token for meter *******7890, call me on 2547 ***** 111 or 0722 ***** 111',
      author_handle: '0722 ***** 111',
    });
  });

  it('summarises by category, county and 10-minute bucket', async () => {
    const response = await module.routes.request(
      `/v1/mentions/summary?since=${new Date(BASE).toISOString()}&until=${BASE + 20 * 60_000}`,
      { headers: { authorization: `Bearer ${FEED_TOKEN}` } },
    );
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      byCategory: Record<string, number>;
      byCounty: { county: string; posts: number; outageComplaints: number }[];
      buckets: {
        start: string;
        posts: number;
        complaintAuthors: number;
        negative: number;
        baseline: number;
      }[];
    };
    expect(summary.byCategory).toEqual({
      outage_complaint: 8,
      other_complaint: 0,
      not_complaint: 0,
      official: 0,
    });
    expect(summary.byCounty).toEqual([
      { county: 'Kisumu', posts: 4, outageComplaints: 4 },
      { county: 'Nairobi', posts: 4, outageComplaints: 4 },
    ]);
    expect(summary.buckets.map((bucket) => [bucket.start, bucket.posts, bucket.complaintAuthors])).toEqual([
      ['2026-06-15T08:00:00.000Z', 8, 3],
      ['2026-06-15T08:10:00.000Z', 0, 0],
    ]);
    expect(summary.buckets[0]?.baseline).toBe(0);
  });

  it('purges mentions past the retention window', async () => {
    const store = createMentionStore(db);
    expect(await store.purgeBefore(BASE + 4 * 60_000)).toBe(4);
    expect((await feed('')).items).toHaveLength(5);
  });
});
