/**
 * Notification delivery throughput: SMS per second through one delivery worker (BullMQ + the real
 * africastalking SDK + a fake AT server on 127.0.0.1), against a bare BullMQ worker doing no I/O in the same run.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@stimawatch/core';
import { startFakeAfricasTalking } from '@stimawatch/core/fakes';
import { deleteRedisPrefix } from '@stimawatch/core/testing';
import { Queue, Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { createDelivery, type Notification, type Notifier } from '../alerts/src/delivery';
import { createAfricasTalkingNotifier } from '../alerts/src/notifiers';
import type { BenchResult } from './bench-result';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_DELIVERY_COUNT ?? '2000');
const CONCURRENCY = 4;
const logger = createLogger('bench-delivery', 'silent');

export async function run(): Promise<BenchResult[]> {
  const fakeAt = await startFakeAfricasTalking({ keep: COUNT });
  try {
    // Warm-up: JIT, Redis scripts, keep-alive sockets.
    await bareBullmq(200);
    await throughDelivery(200, createAfricasTalkingNotifier(atConfig(fakeAt.url)));

    const bare = await bareBullmq(COUNT);
    const noop: Notifier = { channel: 'sms', send: async () => ({ providerMessageId: 'noop' }) };
    const queued = await throughDelivery(COUNT, noop);
    fakeAt.clear();
    const sms = await throughDelivery(COUNT, createAfricasTalkingNotifier(atConfig(fakeAt.url)));
    if (fakeAt.inbox().length !== COUNT)
      throw new Error(`fake AT received ${fakeAt.inbox().length}/${COUNT} SMS`);

    // Real AT answers in ~100-300 ms, so production throughput is concurrency / latency; this figure is our CPU
    // cost per SMS (SDK validation + axios + the in-process fake), which must stay far above any page storm.
    const goal = '>= 200 SMS/s per worker at concurrency 4';
    return [
      { name: 'bare_bullmq_jobs_per_second', value: bare, unit: 'jobs/s' },
      {
        name: 'delivery_noop_notifier_per_second',
        value: queued,
        unit: 'notifications/s',
        baseline: bare,
        ratio: queued / bare,
        goal: 'ratio >= 0.5 (validation, settle-before-report and metrics cost at most half)',
      },
      {
        name: 'delivery_sms_fake_at_per_second',
        value: sms,
        unit: 'notifications/s',
        baseline: bare,
        ratio: sms / bare,
        goal,
      },
    ];
  } finally {
    await fakeAt.close();
  }
}

function atConfig(baseUrl: string) {
  return { username: 'stimawatch', apiKey: 'bench-key', baseUrl, timeoutMs: 10_000 };
}

/** The baseline: the same queue pattern (one add per job, one worker, same concurrency) with an empty processor. */
async function bareBullmq(count: number): Promise<number> {
  const prefix = `stimawatch-bench-${randomUUID().slice(0, 8)}`;
  const name = 'bench-bare';
  const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const worker = new Worker(name, async () => undefined, {
    connection: { url: REDIS_URL, maxRetriesPerRequest: null },
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', () => {
    done += 1;
    if (done === count) finish();
  });
  try {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) => queue.add('job', { i }, { jobId: `job-${i}` })),
    );
    await finished;
    return count / ((performance.now() - started) / 1000);
  } finally {
    await worker.close();
    await queue.close();
    await deleteRedisPrefix(prefix, REDIS_URL);
  }
}

async function throughDelivery(count: number, notifier: Notifier): Promise<number> {
  const prefix = `stimawatch-bench-${randomUUID().slice(0, 8)}`;
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const delivery = createDelivery({
    connection: REDIS_URL,
    prefix,
    notifiers: { sms: notifier },
    registry: new Registry(),
    logger,
    concurrency: CONCURRENCY,
    async onOutcome(outcome) {
      if (outcome.status !== 'delivered') throw new Error(`bench notification failed: ${outcome.reason}`);
      done += 1;
      if (done === count) finish();
    },
  });
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => delivery.enqueue(page(i))));
    await finished;
    return count / ((performance.now() - started) / 1000);
  } finally {
    await delivery.close();
    await deleteRedisPrefix(prefix, REDIS_URL);
  }
}

function page(i: number): Notification {
  return {
    key: `bench-${i}`,
    incidentId: 'inc-bench',
    purpose: 'page',
    channel: 'sms',
    to: `+2547110${String(i).padStart(5, '0')}`,
    recipient: 'bench',
    subject: 'VendFailureBurnRate',
    text: 'Token vend failures burning the error budget 14x',
  };
}
