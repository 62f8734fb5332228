import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUES } from '@stimawatch/core';
import { openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import { type FakeXPostInput, type FakeXServer, startFakeXServer } from '@stimawatch/core/fakes';
import {
  createPrivatePostgres,
  deleteRedisPrefix,
  privateRedisPrefix,
  TEST_REDIS_URL,
} from '@stimawatch/core/testing';
import { Queue } from 'bullmq';
import { CALLBACK_SECRET, INGEST_TOKEN } from '../helpers/collector-harness';
import { type CollectorReplica, startCollectorReplica } from './collector-replica';
import { type PrometheusServer, startPrometheus } from './prometheus-server';

export const X_BEARER = 'replicas-app-bearer-0123456789';
export const X_POLL_INTERVAL_SECONDS = 5;

export interface ReplicaStack {
  replicas: [CollectorReplica, CollectorReplica];
  prometheus: PrometheusServer;
  fakeX: FakeXServer;
  /** The database both replicas share. */
  db: SqlClient;
  /** The social poll queue, read-only use: its completed jobs show which polls ran. */
  socialQueue: Queue;
  prefix: string;
  stop(): Promise<void>;
}

/**
 * Two collector processes sharing one Redis prefix and one private PostgreSQL database, polling one fake X API,
 * scraped by one Prometheus every second: collectors scaled out as production runs them. `initialPosts` are on
 * the fake X before the replicas start (the first poll reads them).
 */
export async function startReplicaStack(initialPosts: readonly FakeXPostInput[] = []): Promise<ReplicaStack> {
  const dir = mkdtempSync(join(tmpdir(), 'stimawatch-replicas-'));
  const prefix = privateRedisPrefix('replicas');
  const postgres = await createPrivatePostgres();
  const cleanups: (() => Promise<void>)[] = [
    async () => rmSync(dir, { recursive: true, force: true }),
    () => deleteRedisPrefix(prefix),
    () => postgres.drop(),
  ];
  const stop = async () => {
    // Newest first; every step runs even when one fails, and the first failure is reported.
    let failure: unknown;
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  };
  try {
    const fakeX = await startFakeXServer({ bearerToken: X_BEARER });
    cleanups.push(() => fakeX.close());
    fakeX.addUser({ username: 'KenyaPower_Care', followersCount: 1_200_000 });
    fakeX.addUser({ username: 'KenyaPower', followersCount: 2_000_000 });
    for (const post of initialPosts) fakeX.addPost(post);
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      INGEST_TOKENS: `vending:${INGEST_TOKEN}`,
      MPESA_CALLBACK_SECRET: CALLBACK_SECRET,
      DATABASE_URL: postgres.url,
      PAYMENT_TOKEN_WAIT_SECONDS: '1',
      X_BEARER_TOKEN: X_BEARER,
      X_API_BASE_URL: fakeX.url,
      X_POLL_INTERVAL_SECONDS: String(X_POLL_INTERVAL_SECONDS),
      // The timelines poll on start and then hourly: the search poll is the one this stack watches.
      X_OFFICIAL_POLL_INTERVAL_SECONDS: '3600',
      SOCIAL_HASH_SALT: 'replicas-salt-0123456789',
    };
    const started = await Promise.allSettled(
      ['collector-a', 'collector-b'].map((name) =>
        startCollectorReplica(name, { ...env, DATA_DIR: join(dir, name) }),
      ),
    );
    for (const result of started) {
      if (result.status === 'fulfilled') cleanups.push(() => result.value.process.stop());
    }
    const [a, b] = started.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const prometheus = await startPrometheus(dir, [a.target, b.target]);
    cleanups.push(() => prometheus.process.stop());
    const db = openPostgresClient(postgres.url, 1);
    cleanups.push(() => db.close());
    const socialQueue = new Queue(QUEUES.socialPoll, { connection: { url: TEST_REDIS_URL }, prefix });
    cleanups.push(() => socialQueue.close());
    return { replicas: [a, b], prometheus, fakeX, db, socialQueue, prefix, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
