import { METRICS } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSocialModule, type SocialModule } from '../src/social';
import { socialKeys } from '../src/social/social-keys';
import { captureLogs, classify, INGEST_TOKEN, metricValue, openDb, socialConfig } from './social-fixtures';

const WEEK_MS = 7 * 24 * 3_600_000;

let db: SqlClient;
let redis: Redis;
beforeAll(async () => {
  db = await openDb('pglite');
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await db.close();
  await redis.quit();
});

let prefix: string;
let clock: { now: number };
let module: SocialModule;
let registry: Registry;
let app: Hono;
beforeEach(async () => {
  prefix = privateRedisPrefix('social-http');
  // Mid-bucket, so posts a few minutes old stay in the same 10-minute bucket.
  clock = { now: Math.floor(Date.now() / 600_000) * 600_000 + 300_000 };
  registry = new Registry();
  await db.query('TRUNCATE social_mentions');
  module = createSocialModule({
    config: socialConfig({ REPORT_RATE_LIMIT_PER_MINUTE: '3' }),
    db,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    registry,
    logger: captureLogs().logger,
    classify,
    ingestTokens: new Map([[INGEST_TOKEN, 'mentions']]),
    now: () => clock.now,
  });
  // Mounted as the collector mounts it, so errors go through the sub-app's handler.
  app = new Hono();
  app.route('/', module.routes);
});
afterEach(async () => {
  await module.stop();
  await deleteRedisPrefix(prefix);
});

function postMentions(body: unknown, headers: Record<string, string> = {}) {
  return app.request('/v1/mentions', {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function report(body: unknown, address = '10.0.0.1') {
  return app.request(
    '/v1/reports',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

let nextId = 1;
function mention(author: string, text: string, minutesAgo = 1, extra: Record<string, unknown> = {}) {
  nextId += 1;
  return {
    id: `fb-${nextId}`,
    source: 'facebook',
    text,
    author,
    createdAt: new Date(clock.now - minutesAgo * 60_000).toISOString(),
    ...extra,
  };
}

const authors = () => metricValue(registry, METRICS.socialComplaintAuthors, { window: '10m' });

describe('POST /v1/mentions', () => {
  it('rejects missing or unknown tokens, non-JSON bodies and oversized bodies', async () => {
    const valid = [mention('amina', 'no tokens in Kisumu')];
    expect((await postMentions(valid, { authorization: '' })).status).toBe(401);
    const wrong = await postMentions(valid, { authorization: 'Bearer not-a-known-token-at-all' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    expect((await postMentions('text', { 'content-type': 'text/plain' })).status).toBe(415);
    const broken = await postMentions('{"id": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'VALIDATION', message: 'body is not valid JSON' });
    expect((await postMentions([])).status).toBe(400);
    expect((await postMentions('x'.repeat(1024 * 1024 + 10))).status).toBe(413);
  });

  it('accepts the valid items of a batch and lists each rejected one with its reason', async () => {
    const batch = [
      mention('amina', 'no tokens in Kisumu since 6am'),
      { id: 'fb-x', source: 'facebook', author: 'otieno', createdAt: new Date(clock.now).toISOString() },
      mention('brian', 'hakuna stima Nakuru', -30),
      mention('call-centre-agent-7', 'caller 0712345678 says meter 14212345678 has no token', 2, {
        source: 'call_centre',
        reach: 1,
      }),
      mention('chris', 'no power', 1, { source: 'Facebook Page' }),
    ];
    const response = await postMentions(batch);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      repeats: 0,
      retweets: 0,
      rejected: [
        { index: 1, reason: 'text: Invalid input: expected string, received undefined' },
        { index: 2, reason: 'createdAt: is in the future' },
        { index: 4, reason: 'source: must be a lower-case channel name such as facebook or call_centre' },
      ],
    });
    const again = await postMentions(batch);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const stored = await db.query<{ text: string }>(
      "SELECT text FROM social_mentions WHERE channel = 'call_centre'",
    );
    expect(stored.rows[0]?.text).toBe('caller 0712 ***** 678 says meter *******5678 has no token');
    const allInvalid = await postMentions([{ id: 1 }]);
    expect(allInvalid.status).toBe(400);
    expect(await allInvalid.json()).toMatchObject({ details: { rejected: [{ index: 0 }] } });
  });
});

describe('POST /v1/reports', () => {
  it('validates the body and counts one report per reporter per hour', async () => {
    const bad = await report({ kind: 'meter_exploded', reporterId: '0712345678' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'VALIDATION', details: [{ path: 'kind' }] });
    const first = await report({ kind: 'no_token', reporterId: '0712345678', county: 'Kisumu' });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ counted: true });
    const samePhone = await report({ kind: 'payment_failed', reporterId: '+254 712 345 678' }, '10.0.0.2');
    expect(await samePhone.json()).toMatchObject({ counted: false });
    const other = await report({ kind: 'no_power', reporterId: '0722000111' }, '10.0.0.3');
    expect(await other.json()).toMatchObject({ counted: true });
    expect(await authors()).toBe(2);
    const rows = await db.query('SELECT * FROM social_mentions');
    expect(JSON.stringify(rows.rows)).not.toContain('712345678');
    expect((await redis.keys(`${prefix}*`)).join(' ')).not.toContain('712345678');
  });

  it('rate-limits each client address', async () => {
    for (let i = 0; i < 3; i += 1) expect((await report({ kind: 'no_power' })).status).toBe(202);
    const limited = await report({ kind: 'no_power' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await report({ kind: 'no_power' }, '10.9.9.9')).status).toBe(202);
  });
});

describe('counting unique complaining authors', () => {
  it('counts authors once, drops retweets and copy-paste repeats, and forgets them after 10 minutes', async () => {
    const copyPaste = 'Paid KES 1000 to paybill 888880 at 7am and still no token, KPLC please sort this out';
    const response = await postMentions([
      mention('amina', 'no tokens in Kisumu since 6am', 5),
      mention('amina', 'still no tokens, third hour now', 3),
      mention('brian', 'no tokens', 4),
      mention('chris', 'no tokens', 4),
      mention('dan', 'RT @amina: no tokens in Kisumu since 6am', 2),
      mention('esther', copyPaste, 4),
      mention('faith', copyPaste, 3),
      mention('george', copyPaste, 2),
      mention('brian', 'no tokens', 1),
      mention('hassan', 'Thank you KPLC for the quick response', 2),
    ]);
    expect(await response.json()).toMatchObject({ accepted: 6, repeats: 3, retweets: 1 });
    expect(await authors()).toBe(4);
    expect(await metricValue(registry, METRICS.socialNegativeShare, { window: '10m' })).toBeCloseTo(5 / 6);
    expect(
      await metricValue(registry, METRICS.socialPostsTotal, {
        source: 'webhook',
        category: 'outage_complaint',
      }),
    ).toBe(5);
    clock.now += 11 * 60_000;
    expect(await authors()).toBe(0);
    expect(await metricValue(registry, METRICS.socialNegativeShare, { window: '10m' })).toBe(0);
  });

  it('exports the hour-of-week baseline from last week’s counts', async () => {
    await redis.set(socialKeys(prefix).historyStart, String(clock.now - WEEK_MS - 3_600_000));
    const lastWeekHour = Math.floor((clock.now - WEEK_MS) / 3_600_000) * 3_600_000;
    const history = [2, 3, 4, 5, 6, 7].flatMap((count, bucket) =>
      Array.from({ length: count }, (_, author) => ({
        ...mention(`regular-${bucket}-${author}`, `no tokens again, week-old complaint ${bucket}/${author}`),
        createdAt: new Date(lastWeekHour + bucket * 600_000 + 60_000).toISOString(),
      })),
    );
    expect(await (await postMentions(history)).json()).toMatchObject({ accepted: 27 });
    expect(await metricValue(registry, METRICS.socialComplaintAuthorsBaseline, { window: '10m' })).toBe(4.5);
    expect(await authors()).toBe(0);
  });
});
