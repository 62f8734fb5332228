import { deleteRedisPrefix } from '@stimawatch/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../src/create-collector';
import { readMinuteHistory } from '../src/live/live-history';
import { authorised, event, ndjson, sample, silentLogger, testConfig } from './helpers/collector-harness';

const T0 = Date.parse('2026-03-02T09:00:00Z');
let collector: Collector | undefined;

afterEach(async () => {
  if (collector === undefined) return;
  await collector.stop();
  await deleteRedisPrefix(collector.config.redisKeyPrefix);
  collector = undefined;
});

async function start(clock: { now: number }) {
  collector = await createCollector(testConfig('p2t', { PAYMENT_TOKEN_WAIT_SECONDS: '300' }), {
    logger: silentLogger,
    defaultMetrics: false,
    now: () => clock.now,
    refreshIntervalMs: 3_600_000,
    liveHistoryIntervalMs: 3_600_000,
  });
  await collector.start();
  return collector;
}

async function send(c: Collector, events: unknown[]) {
  const response = await c.app.request('/v1/vend-events', authorised(ndjson(events)));
  expect(response.status).toBe(202);
  return response.json();
}

const at = (ms: number) => ({ occurredAt: new Date(ms).toISOString() });

describe('payment to token', () => {
  it('observes the seconds from payment received to token generated, in either arrival order', async () => {
    const clock = { now: T0 + 600_000 };
    const c = await start(clock);
    await send(c, [event('P1', 'payment_received', 'success', at(T0))]);
    await send(c, [event('P1', 'token_generation', 'success', at(T0 + 30_000))]);
    // The vending platform's event may arrive before the payment callback.
    await send(c, [{ ...event('P2', 'token_generation', 'success', at(T0 + 90_000)), channel: 'mpesa_stk' }]);
    await send(c, [{ ...event('P2', 'payment_received', 'success', at(T0)), channel: 'mpesa_stk' }]);
    // A replayed token does not observe the pair twice.
    await send(c, [event('P1', 'token_generation', 'success', at(T0 + 30_000))]);
    const text = await c.registry.metrics();
    expect(sample(text, 'stimawatch_payment_to_token_seconds_count{channel="mpesa_c2b"}')).toBe(1);
    expect(sample(text, 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_c2b"}')).toBe(30);
    expect(sample(text, 'stimawatch_payment_to_token_seconds_bucket{le="30",channel="mpesa_c2b"}')).toBe(1);
    expect(sample(text, 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_stk"}')).toBe(90);
  });

  it('counts payments still without a token once the wait has passed, from Redis', async () => {
    const clock = { now: T0 };
    const c = await start(clock);
    await send(c, [
      event('W1', 'payment_received', 'success', at(T0 - 1000)),
      event('W2', 'payment_received', 'success', at(T0 - 1000)),
      event('W3', 'payment_received', 'success', at(T0 - 1000)),
      event('W4', 'payment_received', 'failed', at(T0 - 1000)),
    ]);
    await send(c, [event('W2', 'token_generation', 'success', at(T0))]);
    await c.tracker.refresh();
    expect(sample(await c.registry.metrics(), 'stimawatch_payments_without_token')).toBe(0);
    clock.now = T0 + 300_000;
    await c.tracker.refresh();
    expect(sample(await c.registry.metrics(), 'stimawatch_payments_without_token')).toBe(2);
    // A late token (the backlog drained) takes its payment off the count.
    await send(c, [event('W3', 'token_generation', 'success', at(T0 + 299_000))]);
    await c.tracker.refresh();
    expect(sample(await c.registry.metrics(), 'stimawatch_payments_without_token')).toBe(1);
    expect(c.liveSnapshot().paymentsWithoutToken).toBe(1);
  });

  it('shares the count across replicas on the same Redis prefix', async () => {
    const clock = { now: T0 + 400_000 };
    const c = await start(clock);
    const replica = await createCollector(c.config, {
      logger: silentLogger,
      defaultMetrics: false,
      now: () => clock.now,
    });
    try {
      await replica.start();
      await send(replica, [event('R1', 'payment_received', 'success', at(T0))]);
      await c.tracker.refresh();
      expect(sample(await c.registry.metrics(), 'stimawatch_payments_without_token')).toBe(1);
      // The token reaches the other replica: the pair still completes through Redis.
      await send(c, [event('R1', 'token_generation', 'success', at(T0 + 5000))]);
      expect(
        sample(await c.registry.metrics(), 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_c2b"}'),
      ).toBe(5);
      await c.tracker.refresh();
      expect(sample(await c.registry.metrics(), 'stimawatch_payments_without_token')).toBe(0);
    } finally {
      await replica.stop();
    }
  });

  it('keeps per-minute token counts in Redis for the live history', async () => {
    const clock = { now: T0 + 150_000 };
    const c = await start(clock);
    await send(c, [
      event('H1', 'token_generation', 'success', at(T0 + 60_000)),
      event('H2', 'token_generation', 'success', at(T0 + 61_000)),
      event('H3', 'token_generation', 'failed', at(T0 + 62_000)),
    ]);
    await c.tracker.refresh();
    // A fresh aggregator (another replica, or after a restart) rebuilds the series from Redis.
    const replica = await createCollector(c.config, {
      logger: silentLogger,
      defaultMetrics: false,
      now: () => clock.now,
    });
    try {
      await replica.start();
      replica.live.setHistory(
        await readMinuteHistory(
          replica.redis,
          `${c.config.redisKeyPrefix}:collector`,
          replica.live.historyMinutes(),
        ),
      );
      const snapshot = replica.liveSnapshot();
      expect(snapshot.tokensLastMinute).toBe(2);
      expect(snapshot.failures5m).toBe(1);
      expect(snapshot.counted5m).toBe(3);
    } finally {
      await replica.stop();
    }
  });
});
