/**
 * Social-listening benchmark: poll-to-metric latency (a post added to the fake X API → visible in
 * `stimawatch_social_complaint_authors`) against the bare X request it contains, and mention insert throughput
 * into PGlite in multi-row batches against single-row inserts, both measured in this run.
 */
import { createLogger, METRICS, type PostClassification } from '@stimawatch/core';
import { migrate, openPgliteClient } from '@stimawatch/core/db';
import { startFakeXServer } from '@stimawatch/core/fakes';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { Registry } from 'prom-client';
import { createSocialModule, parseSocialConfig } from '../collector/src/social';
import { SOCIAL_MIGRATIONS } from '../collector/src/social/storage/mention-migrations';
import { createMentionStore, type MentionRow } from '../collector/src/social/storage/mention-store';
import type { BenchResult } from './bench-result';

const LATENCY_ROUNDS = 30;
const INSERT_ROWS = 2000;
const SINGLE_ROWS = 300;

const OUTAGE: PostClassification = {
  category: 'outage_complaint',
  topic: 'token_purchase',
  lang: 'en',
  county: null,
  sentiment: 'negative',
  sentiment_score: -0.8,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function pollToMetric(): Promise<BenchResult> {
  const fake = await startFakeXServer({ rateLimitPerWindow: 100_000 });
  const db = await openPgliteClient(undefined);
  await migrate(db, 'social', SOCIAL_MIGRATIONS);
  const prefix = privateRedisPrefix('bench-social');
  const registry = new Registry();
  const social = createSocialModule({
    config: parseSocialConfig({
      X_BEARER_TOKEN: 'bench',
      X_API_BASE_URL: fake.url,
      SOCIAL_HASH_SALT: 'bench-salt-0123456789',
    }),
    db,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: prefix,
    registry,
    logger: createLogger('bench', 'silent'),
    classify: () => OUTAGE,
    ingestTokens: new Map(),
  });
  const authors = async () => {
    const { values } = await (registry.getSingleMetric(METRICS.socialComplaintAuthors)?.get() ?? {
      values: [],
    });
    return values[0]?.value ?? 0;
  };
  try {
    fake.addPost({ text: 'KPLC warm-up', authorUsername: 'warmup' });
    await social.pollNow('mentions');
    const pipeline: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
      const before = await authors();
      const started = performance.now();
      fake.addPost({ text: `KPLC no tokens round ${round}`, authorUsername: `author${round}` });
      await social.pollNow('mentions');
      if ((await authors()) !== before + 1) throw new Error('the metric did not move');
      pipeline.push(performance.now() - started);
      const bareStart = performance.now();
      await (await fetch(`${fake.url}/2/tweets/search/recent?query=KPLC&max_results=10`)).json();
      bare.push(performance.now() - bareStart);
    }
    const value = median(pipeline);
    const baseline = median(bare);
    return {
      name: 'poll_to_metric_latency_p50',
      value,
      unit: 'ms',
      baseline,
      ratio: value / baseline,
      goal: 'under 250 ms on top of the poll interval (X_POLL_INTERVAL_SECONDS, default 60 s)',
    };
  } finally {
    await social.stop();
    await db.close();
    await fake.close();
    await deleteRedisPrefix(prefix);
  }
}

function row(index: number): MentionRow {
  return {
    source: 'x',
    channel: 'x',
    externalId: String(1_800_000_000_000_000_000n + BigInt(index)),
    authorKey: `author-${index % 400}`,
    authorHandle: `user${index % 400}`,
    text: `KPLC no tokens since morning in Kisumu, post ${index}`,
    createdAtMs: Date.now() - index * 1000,
    receivedAtMs: Date.now(),
    category: 'outage_complaint',
    topic: 'token_purchase',
    lang: 'en',
    county: 'Kisumu',
    sentiment: 'negative',
    sentimentScore: -0.7,
    impressions: index,
    followers: 100 + index,
    reach: 100 + index,
    reportKind: null,
    counted: true,
  };
}

async function insertThroughput(): Promise<BenchResult> {
  const db = await openPgliteClient(undefined);
  try {
    await migrate(db, 'social', SOCIAL_MIGRATIONS);
    const store = createMentionStore(db);
    const singleStart = performance.now();
    for (let index = 0; index < SINGLE_ROWS; index += 1) await store.insertMany([row(index)]);
    const singleRate = SINGLE_ROWS / ((performance.now() - singleStart) / 1000);
    const rows = Array.from({ length: INSERT_ROWS }, (_, index) => row(SINGLE_ROWS + index));
    const batchStart = performance.now();
    for (let offset = 0; offset < rows.length; offset += 100)
      await store.insertMany(rows.slice(offset, offset + 100));
    const batchRate = INSERT_ROWS / ((performance.now() - batchStart) / 1000);
    return {
      name: 'mention_insert_pglite_batched_100',
      value: batchRate,
      unit: 'rows/s',
      baseline: singleRate,
      ratio: batchRate / singleRate,
      goal: 'batched ≥ 5× single-row inserts',
    };
  } finally {
    await db.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [await pollToMetric(), await insertThroughput()];
}
