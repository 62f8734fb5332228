import { METRICS, QUEUES } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import { type FakeXServer, startFakeXServer } from '@stimawatch/core/fakes';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL, waitFor } from '@stimawatch/core/testing';
import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSocialModule, type SocialModule } from '../src/social';
import {
  captureLogs,
  classify,
  INGEST_TOKEN,
  metricValue,
  openDb,
  socialConfig,
  startStatementReceiver,
} from './social-fixtures';

const HOUR_SECONDS = '3600';

let db: SqlClient;
beforeAll(async () => {
  db = await openDb('pglite');
});
afterAll(async () => {
  await db.close();
});

let fake: FakeXServer;
let prefix: string;
let queue: Queue;
const modules: SocialModule[] = [];
beforeEach(async () => {
  fake = await startFakeXServer({ defaultPublisherUsername: 'KenyaPower_Care' });
  fake.addUser({ username: 'KenyaPower_Care', followersCount: 1_200_000, accessToken: 'comms-user-token' });
  fake.addUser({ username: 'KenyaPower', followersCount: 2_000_000 });
  prefix = privateRedisPrefix('social-jobs');
  queue = new Queue(QUEUES.socialPoll, { connection: { url: TEST_REDIS_URL }, prefix });
  await db.query('TRUNCATE social_mentions');
});
afterEach(async () => {
  await Promise.all(modules.splice(0).map((module) => module.stop()));
  await queue.close();
  await fake.close();
  await deleteRedisPrefix(prefix);
});

function newModule(extra: { alertsServiceUrl?: string; statementToken?: string } = {}) {
  const registry = new Registry();
  const module = createSocialModule({
    config: socialConfig({
      X_BEARER_TOKEN: 'app-bearer',
      X_API_BASE_URL: fake.url,
      X_POLL_INTERVAL_SECONDS: HOUR_SECONDS,
      X_OFFICIAL_POLL_INTERVAL_SECONDS: HOUR_SECONDS,
    }),
    db,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    registry,
    logger: captureLogs().logger,
    classify,
    ingestTokens: new Map([[INGEST_TOKEN, 'mentions']]),
    ...extra,
  });
  modules.push(module);
  return { module, registry };
}

/** Every job the schedulers produced so far has run (the next ones are delayed by an hour). */
async function settled(completedAtLeast: number) {
  await waitFor('social jobs to settle', async () => {
    const counts = await queue.getJobCounts('active', 'wait', 'prioritized', 'completed', 'failed');
    return (
      counts.active === 0 &&
      counts.wait === 0 &&
      counts.prioritized === 0 &&
      (counts.completed ?? 0) + (counts.failed ?? 0) >= completedAtLeast
    );
  });
}

describe('social job schedulers on BullMQ', () => {
  it('two collector replicas upsert the schedulers once and poll X once', async () => {
    fake.addPost({ text: 'KPLC no tokens since morning', authorUsername: 'wanjiku' });
    const replicas = [newModule(), newModule()];
    await Promise.all(replicas.map(({ module }) => module.start()));
    await settled(3);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
      'social-poll-mentions',
      'social-poll-official-timeline',
      'social-purge-mentions',
    ]);
    expect(schedulers.map((scheduler) => scheduler.every)).toEqual([3_600_000, 3_600_000, 3_600_000]);
    expect(fake.requests.filter((request) => request.path === '/2/tweets/search/recent')).toHaveLength(1);
    expect(fake.requests.filter((request) => /^\/2\/users\/\d+\/tweets$/.test(request.path))).toHaveLength(2);
    expect(await queue.getDelayedCount()).toBe(3);
    const stored = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM social_mentions WHERE source = 'x'",
    );
    expect(stored.rows[0]?.n).toBe(1);
  });

  it('records an official post as a statement and delivers it to the alerts service, retrying while it fails', async () => {
    const receiver = await startStatementReceiver(1);
    try {
      fake.addPost({
        text: 'Old notice from last month',
        authorUsername: 'KenyaPower',
        createdAt: Date.now() - 40 * 86_400_000,
      });
      fake.addPost({
        text: '@wanjiku kindly DM us your details',
        authorUsername: 'KenyaPower_Care',
        replyTo: '1',
      });
      const published = await fetch(`${fake.url}/2/tweets`, {
        method: 'POST',
        headers: { authorization: 'Bearer comms-user-token', 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'We are aware of a token vending issue affecting M-Pesa purchases.' }),
      });
      expect(published.status).toBe(201);
      const { module, registry } = newModule({
        alertsServiceUrl: receiver.url,
        statementToken: 'statement-token-0123456789',
      });
      await module.start();
      await waitFor('the statement to arrive', () => receiver.received.length === 1, 15_000);
      expect(receiver.calls()).toBe(2);
      expect(receiver.received[0]).toEqual({
        authorization: 'Bearer statement-token-0123456789',
        body: {
          text: 'We are aware of a token vending issue affecting M-Pesa purchases.',
          source: 'official_account',
          lang: 'en',
        },
      });
      const post = fake.publishedPosts[0];
      expect(await metricValue(registry, METRICS.lastOfficialStatementTimestampSeconds)).toBe(
        Math.floor((post?.createdAt.getTime() ?? 0) / 1000),
      );
      const official = await db.query<{ n: number }>(
        "SELECT count(*) AS n FROM social_mentions WHERE category = 'official'",
      );
      expect(official.rows[0]?.n).toBe(2);
    } finally {
      await receiver.close();
    }
  });
});
