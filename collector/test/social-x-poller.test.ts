import { METRICS } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import { type FakeXServer, startFakeXServer } from '@stimawatch/core/fakes';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSocialModule, type SocialModule } from '../src/social';
import { socialKeys } from '../src/social/social-keys';
import { createXPollState } from '../src/social/x/x-poll-state';
import { captureLogs, classify, INGEST_TOKEN, metricValue, openDb, socialConfig } from './social-fixtures';

const SEARCH = '/2/tweets/search/recent';

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

let fake: FakeXServer;
let prefix: string;
let clock: { now: number };
const modules: SocialModule[] = [];
beforeEach(async () => {
  fake = await startFakeXServer();
  prefix = privateRedisPrefix('social-poller');
  clock = { now: Date.now() };
  await db.query('TRUNCATE social_mentions');
});
afterEach(async () => {
  for (const module of modules.splice(0)) await module.stop();
  await fake.close();
  await deleteRedisPrefix(prefix);
});

function startModule(env: Record<string, string> = {}) {
  const registry = new Registry();
  const logs = captureLogs();
  const module = createSocialModule({
    config: socialConfig({ X_BEARER_TOKEN: 'app-bearer', X_API_BASE_URL: fake.url, ...env }),
    db,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    registry,
    logger: logs.logger,
    classify,
    ingestTokens: new Map([[INGEST_TOKEN, 'mentions']]),
    now: () => clock.now,
  });
  modules.push(module);
  return { module, registry, logs };
}

function complaints(count: number, from = 'user') {
  return Array.from({ length: count }, (_, i) =>
    fake.addPost({
      text: `KPLC no tokens since morning, ${from} attempt ${i}`,
      authorUsername: `${from}${i}`,
    }),
  );
}

const searches = () => fake.requests.filter((request) => request.path === SEARCH);
const storedCount = async () =>
  (await db.query<{ n: number }>('SELECT count(*) AS n FROM social_mentions')).rows[0]?.n;
const sinceId = () => redis.get(socialKeys(prefix).sinceId('search'));

describe('X recent-search poller against the fake X API', () => {
  it('pages with next_token under one since_id, resumes after a restart, then advances since_id', async () => {
    const first = startModule({ X_MAX_RESULTS: '10', X_MAX_PAGES_PER_POLL: '2' });
    const seeded = complaints(3, 'early');
    await first.module.pollNow('mentions');
    expect(await sinceId()).toBe(seeded[2]?.id);

    const backlog = complaints(25);
    await first.module.pollNow('mentions');
    const pollTwo = searches().slice(1);
    expect(pollTwo).toHaveLength(2);
    expect(pollTwo.map((request) => request.query.since_id)).toEqual([seeded[2]?.id, seeded[2]?.id]);
    expect(pollTwo[1]?.query.next_token).toBeDefined();
    expect(await sinceId()).toBe(seeded[2]?.id);
    expect(await storedCount()).toBe(23);
    await first.module.stop();
    modules.splice(0);

    const second = startModule({ X_MAX_RESULTS: '10', X_MAX_PAGES_PER_POLL: '2' });
    await second.module.pollNow('mentions');
    const resumed = searches()[3];
    expect(resumed?.query.since_id).toBe(seeded[2]?.id);
    expect(resumed?.query.next_token).toBeDefined();
    expect(resumed?.query.next_token).not.toBe(pollTwo[1]?.query.next_token);
    expect(await storedCount()).toBe(28);
    expect(await sinceId()).toBe(backlog[24]?.id);

    const late = complaints(2, 'late');
    await second.module.pollNow('mentions');
    expect(searches()[4]?.query.since_id).toBe(backlog[24]?.id);
    expect(searches()[4]?.query.next_token).toBeUndefined();
    expect(await sinceId()).toBe(late[1]?.id);
    expect(await storedCount()).toBe(30);
    expect(
      await metricValue(second.registry, METRICS.socialPostsTotal, {
        source: 'x',
        category: 'outage_complaint',
      }),
    ).toBe(7);
  });

  it('only ever moves since_id forward', async () => {
    const state = createXPollState(redis, socialKeys(prefix));
    expect(await state.advanceSinceId('search', '1999')).toBe(true);
    expect(await state.advanceSinceId('search', '999')).toBe(false);
    expect(await state.advanceSinceId('search', '1998')).toBe(false);
    expect(await state.advanceSinceId('search', '2126428025607159822')).toBe(true);
    expect(await sinceId()).toBe('2126428025607159822');
  });

  it('waits for the rate-limit reset after a 429 and never calls X before it', async () => {
    const { module } = startModule();
    complaints(2);
    fake.setFault('rate_limited', { times: 1 });
    const outcome = await module.pollNow('mentions');
    expect(searches()[0]?.status).toBe(429);
    const reset = outcome.retryAtMs ?? 0;
    expect(reset).toBeGreaterThan(clock.now);
    expect(await module.pollNow('mentions')).toEqual({ retryAtMs: reset });
    expect(searches()).toHaveLength(1);
    clock.now = reset;
    expect(await module.pollNow('mentions')).toEqual({});
    expect(searches()).toHaveLength(2);
    expect(searches()[1]?.status).toBe(200);
    expect(await storedCount()).toBe(2);
  });

  it('stops at remaining 0 until the window resets, without waiting for a 429', async () => {
    await fake.close();
    fake = await startFakeXServer({ rateLimitPerWindow: 1, windowSeconds: 900 });
    const { module } = startModule();
    complaints(1);
    expect(await module.pollNow('mentions')).toEqual({});
    const { retryAtMs } = await module.pollNow('mentions');
    expect(retryAtMs).toBeGreaterThan(clock.now + 800_000);
    expect(searches().map((request) => request.status)).toEqual([200]);
  });

  it('marks the source down on 401 and 403 and says why in the log', async () => {
    const { module, registry, logs } = startModule({ X_BACKOFF_BASE_SECONDS: '30' });
    complaints(1);
    fake.setFault('unauthorized', { times: 1 });
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(0);
    const unauthorised = logs.lines.find((line) => line.level === 50 && String(line.msg).includes('401'));
    expect(unauthorised?.msg).toContain('X_BEARER_TOKEN');

    clock.now += 30_000;
    fake.setFault('forbidden', { times: 1 });
    await module.pollNow('mentions');
    const forbidden = logs.lines.find((line) => line.level === 50 && String(line.msg).includes('403'));
    expect(forbidden?.msg).toContain('client-not-enrolled');
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(0);

    clock.now += 60_000;
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(1);
    expect(await storedCount()).toBe(1);
    expect(JSON.stringify(logs.lines)).not.toContain('app-bearer');
  });

  it('survives malformed, partial and empty answers without losing since_id', async () => {
    const { module, registry, logs } = startModule({ X_BACKOFF_BASE_SECONDS: '10' });
    const seeded = complaints(2);
    await module.pollNow('mentions');
    expect(await sinceId()).toBe(seeded[1]?.id);

    complaints(3, 'second');
    fake.setFault('malformed', { times: 1 });
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(0);
    expect(await sinceId()).toBe(seeded[1]?.id);

    clock.now += 10_000;
    fake.setFault('partial_error', { times: 1 });
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(1);
    expect(await storedCount()).toBe(5);
    expect(logs.lines.some((line) => line.msg === 'X search partial answer')).toBe(true);
    const advanced = await sinceId();
    expect(advanced).not.toBe(seeded[1]?.id);

    fake.setFault('empty', { times: 1 });
    expect(await module.pollNow('mentions')).toEqual({});
    expect(await sinceId()).toBe(advanced);
  });

  it('backs off exponentially on 5xx, then reads what it missed', async () => {
    const { module, registry } = startModule({ X_BACKOFF_BASE_SECONDS: '30', X_BACKOFF_MAX_SECONDS: '600' });
    complaints(2);
    fake.setFault('server_error', { times: 3 });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { retryAtMs } = await module.pollNow('mentions');
      delays.push((retryAtMs ?? 0) - clock.now);
      expect(await module.pollNow('mentions')).toEqual({ retryAtMs });
      clock.now = retryAtMs ?? clock.now;
    }
    expect(delays).toEqual([30_000, 60_000, 120_000]);
    expect(searches()).toHaveLength(3);
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(0);
    await module.pollNow('mentions');
    expect(await storedCount()).toBe(2);
    expect(await metricValue(registry, METRICS.socialSourceUp, { source: 'x' })).toBe(1);
  });

  it('counts posts read against the monthly budget, warns at 80% and stops at 100%', async () => {
    const { module, registry, logs } = startModule({ X_MONTHLY_READ_BUDGET: '20', X_MAX_RESULTS: '10' });
    complaints(8);
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialReadBudgetUsedRatio)).toBeCloseTo(0.4);
    complaints(9, 'more');
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialReadBudgetUsedRatio)).toBeCloseTo(0.85);
    expect(logs.lines.some((line) => line.level === 40 && String(line.msg).includes('80%'))).toBe(true);
    complaints(12, 'again');
    await module.pollNow('mentions');
    expect(await metricValue(registry, METRICS.socialReadBudgetUsedRatio)).toBeGreaterThanOrEqual(1);
    expect(logs.lines.some((line) => line.level === 50 && String(line.msg).includes('used up'))).toBe(true);
    const requestsSoFar = searches().length;
    await module.pollNow('mentions');
    expect(searches()).toHaveLength(requestsSoFar);
    expect(await metricValue(registry, METRICS.socialPostsReadTotal)).toBe(27);
  });
});
