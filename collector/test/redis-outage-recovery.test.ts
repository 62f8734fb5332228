import { freePort, PrivateRedisServer, waitFor } from '@stimawatch/core/testing';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningCollector, startCollector } from '../src/start-collector';
import { authorised, event, ndjson, sample, silentLogger, testConfig } from './helpers/collector-harness';

let server: PrivateRedisServer | undefined;
let running: RunningCollector | undefined;

afterEach(async () => {
  await running?.stop();
  await server?.stop();
  running = undefined;
  server = undefined;
});

async function start(redisUrl: string, backlogMax: string, redisWaitMs = 2000) {
  running = await startCollector(
    testConfig('outage', { REDIS_URL: redisUrl, TRACKING_BACKLOG_MAX_EVENTS: backlogMax }),
    {
      logger: silentLogger,
      defaultMetrics: false,
      refreshIntervalMs: 100,
      redisWaitMs,
    },
  );
  return running;
}

async function post(r: RunningCollector, events: unknown[]) {
  const response = await fetch(`${r.url}/v1/vend-events`, authorised(ndjson(events)));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function readyStatus(r: RunningCollector): Promise<number> {
  return (await fetch(`${r.url}/readyz`)).status;
}

async function metrics(r: RunningCollector): Promise<string> {
  const response = await fetch(`${r.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

const tokens = 'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}';

describe('Redis outage and recovery', () => {
  it('keeps counting while Redis is down, refuses only what it cannot keep, and replays when Redis returns', async () => {
    server = await PrivateRedisServer.start();
    const r = await start(server.url, '6');
    const t0 = Date.now() - 60_000;
    expect(await post(r, [event('O1', 'payment_received', 'success', { occurredAt: t0 })])).toMatchObject({
      status: 202,
    });
    expect(await readyStatus(r)).toBe(200);

    await server.stop();
    await waitFor('readyz 503', async () => ((await readyStatus(r)) === 503 ? true : undefined));
    expect(sample(await metrics(r), 'stimawatch_redis_up')).toBe(0);

    // During the outage: counted at once (dedupe fails open), tracking kept in memory.
    const during = [
      event('O1', 'token_generation', 'success', { occurredAt: t0 + 20_000 }),
      event('O2', 'payment_received', 'success', { occurredAt: t0 }),
      event('O2', 'token_generation', 'success', { occurredAt: t0 + 7_000 }),
      event('O3', 'token_generation', 'failed', { error: { domain: 'vending', rawCode: 'HSM_UNAVAILABLE' } }),
    ];
    expect(await post(r, during)).toEqual({
      status: 202,
      json: { accepted: 4, duplicates: 0, rejected: [] },
    });
    let text = await metrics(r);
    expect(sample(text, tokens)).toBe(2);
    expect(sample(text, 'stimawatch_tracking_backlog_events')).toBe(4);
    expect(await (await fetch(`${r.url}/readyz`)).json()).toMatchObject({ status: 'not_ready', backlog: 4 });

    // The backlog holds 6: a batch of 3 more cannot be kept whole, so the sender is told to retry.
    const refused = await post(r, [
      event('O4', 'meter_lookup'),
      event('O5', 'meter_lookup'),
      event('O6', 'meter_lookup'),
    ]);
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ error: 'UNAVAILABLE' });
    text = await metrics(r);
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="backlog_full"}')).toBe(3);
    expect(
      sample(text, 'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="meter_lookup",outcome="success"}'),
    ).toBe(0);

    await server.restart();
    await waitFor('readyz 200', async () => ((await readyStatus(r)) === 200 ? true : undefined));
    await waitFor('backlog replayed', async () =>
      sample(await metrics(r), 'stimawatch_tracking_backlog_events') === 0 ? true : undefined,
    );
    text = await metrics(r);
    expect(sample(text, 'stimawatch_redis_up')).toBe(1);
    expect(sample(text, 'stimawatch_tracking_replayed_total')).toBe(4);
    // O2's payment and token were both replayed: the pair is observed after recovery.
    expect(sample(text, 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_c2b"}')).toBe(7);
    expect(sample(text, tokens)).toBe(2);

    // The replayed state is in Redis: the sender's retry of an outage event is now a duplicate,
    // and the refused batch is accepted on retry.
    expect((await post(r, [during[2]])).json).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(
      (await post(r, [event('O4', 'meter_lookup'), event('O5', 'meter_lookup'), event('O6', 'meter_lookup')]))
        .json,
    ).toMatchObject({
      accepted: 3,
    });
    const redis = new Redis(server.url);
    try {
      const prefix = `${r.collector.config.redisKeyPrefix}:collector`;
      const attempts: string[] = [];
      for (const key of await redis.keys(`${prefix}:g:*`)) attempts.push(...(await redis.hkeys(key)));
      expect(attempts).toEqual(expect.arrayContaining(['O1', 'O2', 'O3', 'O4', 'O5', 'O6']));
      expect(await redis.zrange(`${prefix}:awaiting-token`, 0, -1)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('starts without Redis (not ready, still accepting) and recovers when Redis appears', async () => {
    const port = await freePort();
    const r = await start(`redis://127.0.0.1:${port}`, '1000', 100);
    expect(await readyStatus(r)).toBe(503);
    expect(await post(r, [event('S1', 'token_generation')])).toMatchObject({
      status: 202,
      json: { accepted: 1 },
    });
    expect(sample(await metrics(r), tokens)).toBe(1);

    server = await PrivateRedisServer.startOn(port);
    await waitFor('readyz 200', async () => ((await readyStatus(r)) === 200 ? true : undefined));
    await waitFor('backlog replayed', async () =>
      sample(await metrics(r), 'stimawatch_tracking_replayed_total') === 1 ? true : undefined,
    );
    expect(await post(r, [event('S1', 'token_generation')])).toMatchObject({ json: { duplicates: 1 } });
  });
});
