import type { VendEvent } from '@stimawatch/core';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL, waitFor } from '@stimawatch/core/testing';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectorMetrics } from '../src/metrics/collector-metrics';
import { AttemptTracker } from '../src/tracking/attempt-tracker';
import { sample, silentLogger } from './helpers/collector-harness';

const T0 = Date.parse('2026-03-02T09:00:00Z');
let redis: Redis;
let prefix: string;
let registry: Registry;

beforeEach(async () => {
  redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false });
  await waitFor('redis', () => (redis.status === 'ready' ? true : undefined));
  prefix = privateRedisPrefix('tracker');
  registry = new Registry();
});

afterEach(async () => {
  redis.disconnect();
  await deleteRedisPrefix(prefix);
});

function tracker(ttlSeconds = 86_400) {
  return new AttemptTracker({
    redis,
    keyPrefix: prefix,
    attemptTtlSeconds: ttlSeconds,
    paymentTokenWaitSeconds: 60,
    backlogCapacity: 100,
    metrics: createCollectorMetrics(registry, []),
    logger: silentLogger,
    now: () => T0 + 3_600_000,
  });
}

function event(
  attemptId: string,
  stage: VendEvent['stage'],
  occurredAtMs = T0,
  outcome: VendEvent['outcome'] = 'success',
): VendEvent {
  return { version: 1, attemptId, channel: 'mpesa_stk', stage, outcome, occurredAtMs, currency: 'KES' };
}

const p2tSum = async () =>
  sample(await registry.metrics(), 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_stk"}');
const p2tCount = async () =>
  sample(await registry.metrics(), 'stimawatch_payment_to_token_seconds_count{channel="mpesa_stk"}');

describe('attempt tracker script', () => {
  it('pairs a payment and its token inside one batch, in either order, without leaving it waiting', async () => {
    const t = tracker();
    expect(
      await t.track([
        event('G1', 'payment_received'),
        event('G1', 'token_generation', T0 + 10_000),
        event('G2', 'token_generation', T0 + 20_000),
        event('G2', 'payment_received'),
        event('G1', 'payment_received'),
      ]),
    ).toEqual([true, true, true, true, false]);
    expect(await p2tCount()).toBe(2);
    expect(await p2tSum()).toBe(30);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(0);
  });

  it('keeps an unpaired payment waiting until its token arrives in a later batch', async () => {
    const t = tracker();
    await t.track([event('W1', 'payment_received'), event('W1', 'meter_lookup')]);
    expect(await redis.zrange(`${prefix}:awaiting-token`, 0, -1, 'WITHSCORES')).toEqual(['W1', String(T0)]);
    expect(await t.track([event('W1', 'meter_lookup'), event('W1', 'token_generation', T0 + 5000)])).toEqual([
      false,
      true,
    ]);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(0);
    expect(await p2tSum()).toBe(5);
  });

  it('pairs a payment with a token stored by an earlier batch, without leaving it waiting', async () => {
    const t = tracker();
    await t.track([event('E1', 'token_generation', T0 + 8000)]);
    expect(await t.track([event('E1', 'payment_received'), event('E1', 'token_generation')])).toEqual([
      true,
      false,
    ]);
    expect(await p2tSum()).toBe(8);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(0);
  });

  it('merges known attempts and writes new ones in the same call', async () => {
    const t = tracker();
    const known = Array.from({ length: 40 }, (_, i) => event(`K${i}`, 'payment_received'));
    await t.track(known);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(40);
    // Every other known attempt gets its token; new attempts land in the same shards.
    const mixed = [
      ...known.filter((_, i) => i % 2 === 0).map((e) => event(e.attemptId, 'token_generation', T0 + 1000)),
      ...Array.from({ length: 40 }, (_, i) => event(`N${i}`, 'payment_received')),
      ...known.slice(0, 4),
    ];
    const answers = await t.track(mixed);
    expect(answers).toEqual([...new Array(60).fill(true), false, false, false, false]);
    expect(await p2tCount()).toBe(20);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(60);
    expect((await t.track(mixed)).some(Boolean)).toBe(false);
  });

  it('spreads attempts over many ids in one call and answers each in order', async () => {
    const t = tracker();
    const events = Array.from({ length: 2500 }, (_, i) =>
      event(`M${i % 1200}`, i < 1200 ? 'meter_lookup' : 'token_generation'),
    );
    const first = await t.track(events);
    expect(first.filter(Boolean)).toHaveLength(2400);
    expect(first.slice(2400)).toEqual(new Array(100).fill(false));
    expect((await t.track(events)).some(Boolean)).toBe(false);
  });

  it('splits a large batch into several calls and long Redis argument lists into slices', async () => {
    const t = tracker();
    // 4,500 payments, then their tokens: the first call alone leaves 4,000 payments waiting (one ZADD
    // of 8,000 values, over what Lua can unpack at once); the next ones pair them across calls.
    const payments = Array.from({ length: 4500 }, (_, i) => event(`L${i}`, 'payment_received'));
    const tokens = payments.map((e) => event(e.attemptId, 'token_generation', T0 + 2000));
    expect((await t.track([...payments, ...tokens])).every(Boolean)).toBe(true);
    expect(await p2tCount()).toBe(4500);
    expect(await p2tSum()).toBe(9000);
    expect(await redis.zcard(`${prefix}:awaiting-token`)).toBe(0);
    expect((await t.track(payments)).some(Boolean)).toBe(false);
  });

  it('dedupes concurrent requests for the same attempt (they share script calls)', async () => {
    const t = tracker();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => t.track([event('C1', 'meter_lookup'), event('C2', 'meter_lookup')])),
    );
    expect(answers.flat().filter(Boolean)).toHaveLength(2);
    expect(answers[0]).toEqual([true, true]);
  });

  it('answers every batch that arrives while calls are in flight, each exactly once', async () => {
    const t = tracker();
    const answers: Array<Promise<boolean[]>> = [];
    for (let i = 0; i < 30; i++) {
      answers.push(t.track([event(`F${i % 10}`, 'meter_lookup'), event(`F${i}`, 'token_generation')]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const flat = (await Promise.all(answers)).flat();
    expect(flat).toHaveLength(60);
    // 10 distinct lookups and 30 distinct tokens, whichever batch carried them first.
    expect(flat.filter(Boolean)).toHaveLength(40);
    expect(flat.slice(0, 20).every(Boolean)).toBe(true);
  });

  it('remembers an attempt into the next generation and forgets it after two', async () => {
    const t = tracker(1);
    const generation = async () => Number((await redis.time())[0]);
    const start = await generation();
    expect(await t.track([event('R1', 'meter_lookup')])).toEqual([true]);
    // One TTL later the record sits in the previous generation and still dedupes.
    await waitFor(
      'next generation',
      async () => ((await generation()) === start + 1 ? true : undefined),
      5000,
    );
    expect(await t.track([event('R1', 'meter_lookup')])).toEqual([false]);
    await waitFor(
      'two generations later',
      async () => ((await generation()) >= start + 3 ? true : undefined),
      5000,
    );
    expect(await t.track([event('R1', 'meter_lookup')])).toEqual([true]);
  });
});
