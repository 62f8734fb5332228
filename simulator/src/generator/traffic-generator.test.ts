import { createLogger, type VendEventInput } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { eatInstant } from '../model/eat-time';
import type { DarajaRoute } from '../model/planned-step';
import { createRandom } from '../random/seeded-random';
import type { CollectorClient, DeliveryResult } from './collector-client';
import { createTrafficGenerator } from './traffic-generator';

const logger = createLogger('simulator-test', 'silent');
const START = eatInstant(2024, 6, 4, 19);

/** An in-memory collector that fails a share of requests (503 or a network error) and records the rest. */
function flakyCollector(failShare: number) {
  const random = createRandom('flaky');
  const daraja: { route: DarajaRoute; body: unknown }[] = [];
  const events: VendEventInput[] = [];
  let failures = 0;
  const outcome = (): DeliveryResult | undefined => {
    if (!random.chance(failShare)) return undefined;
    failures++;
    return random.chance(0.5)
      ? { ok: false, retryable: true, status: 503, reason: 'HTTP 503' }
      : { ok: false, retryable: true, reason: 'ECONNREFUSED' };
  };
  const client: CollectorClient = {
    sendDaraja: async (route, body) => {
      const failed = outcome();
      if (failed) return failed;
      daraja.push({ route, body });
      return { ok: true, status: 200 };
    },
    sendVendEvents: async (batch) => {
      const failed = outcome();
      if (failed) return failed;
      events.push(...batch);
      return { ok: true, status: 202 };
    },
  };
  return { client, daraja, events, failures: () => failures };
}

const transIdOf = (body: unknown) => (body as { TransID?: string }).TransID;

describe('traffic generator', () => {
  it('delivers every request it produced despite 503s and network errors, in order per attempt', async () => {
    const collector = flakyCollector(0.3);
    const clock = createManualClock(START);
    const generator = createTrafficGenerator({
      client: collector.client,
      clock,
      logger,
      scale: 0.5,
      wait: async (ms) => clock.advance(ms),
    });
    for (let i = 0; i < 480; i++) {
      clock.advance(250);
      await generator.tick();
    }
    expect(await generator.drain(clock.now() + 120_000)).toBe(0);

    const stats = generator.stats();
    expect(collector.failures()).toBeGreaterThan(50);
    expect(stats.retries).toBe(collector.failures());
    expect(stats.purchases).toBeGreaterThan(300);
    expect(stats.buffered).toBe(0);
    expect(stats.darajaSent).toBe(collector.daraja.length);
    expect(stats.vendEventsSent).toBe(collector.events.length);

    const seen = collector.daraja.map((d) => `${d.route}|${transIdOf(d.body) ?? JSON.stringify(d.body)}`);
    expect(new Set(seen).size).toBe(seen.length);
    const validatedAt = new Map<string, number>();
    collector.daraja.forEach((d, index) => {
      const id = transIdOf(d.body);
      if (d.route === 'c2b/validation' && id) validatedAt.set(id, index);
      if (d.route === 'c2b/confirmation' && id) expect(validatedAt.get(id)).toBeLessThan(index);
    });
  });

  it('stops starting purchases when its bounded buffer is full instead of dropping what it made', async () => {
    const down: CollectorClient = {
      sendDaraja: async () => ({ ok: false, retryable: true, status: 503, reason: 'HTTP 503' }),
      sendVendEvents: async () => ({ ok: false, retryable: true, status: 503, reason: 'HTTP 503' }),
    };
    const clock = createManualClock(START);
    const generator = createTrafficGenerator({ client: down, clock, logger, scale: 1, maxBuffered: 300 });
    const run = async (ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        clock.advance(250);
        await generator.tick();
      }
      return generator.stats();
    };
    const atOneMinute = await run(240);
    const atTwoMinutes = await run(240);
    expect(atOneMinute.suppressedPurchases).toBeGreaterThan(0);
    expect(atOneMinute.buffered).toBeGreaterThanOrEqual(300);
    // Payments already held still become vending steps, so the buffer may overshoot, but it stops growing.
    expect(atOneMinute.buffered).toBeLessThan(600);
    expect(atTwoMinutes.buffered).toBe(atOneMinute.buffered);
    expect(atTwoMinutes.suppressedPurchases).toBeGreaterThan(atOneMinute.suppressedPurchases);
    expect(atTwoMinutes.darajaSent + atTwoMinutes.vendEventsSent).toBe(0);
  });

  it('reports the running scenario and switches to an outage on request', async () => {
    const collector = flakyCollector(0);
    const clock = createManualClock(START);
    const generator = createTrafficGenerator({ client: collector.client, clock, logger, timeScale: 60 });
    expect(generator.scenarioStatus()).toMatchObject({ runId: 0, name: 'normal', phase: 'normal' });
    generator.setScenario({ name: 'outage' });
    clock.advance(3_000);
    expect(generator.scenarioStatus()).toMatchObject({ runId: 1, name: 'outage', phase: 'tokens_stopped' });
    clock.advance(8_000);
    expect(generator.scenarioStatus().phase).toBe('done');
  });
});
