import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveSnapshot } from '@stimawatch/core';
import { deleteRedisPrefix, waitFor } from '@stimawatch/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectorExtensionFactory } from '../src/create-collector';
import { type RunningCollector, startCollector } from '../src/start-collector';
import { authorised, event, ndjson, silentLogger, testConfig } from './helpers/collector-harness';

let running: RunningCollector | undefined;
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  await running?.stop();
  if (running !== undefined) await deleteRedisPrefix(running.collector.config.redisKeyPrefix);
  running = undefined;
  for (const close of closers.splice(0)) await close();
});

async function healthyEndpoint(): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200).end('vend ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Reads server-sent events from a streaming response until `enough` says stop. */
async function readEvents(
  response: Response,
  enough: (events: LiveSnapshot[]) => boolean,
): Promise<LiveSnapshot[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: LiveSnapshot[] = [];
  let buffer = '';
  while (!enough(events)) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (block.includes('event: snapshot') && data !== undefined)
        events.push(JSON.parse(data.slice(6)) as LiveSnapshot);
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

describe('collector server', () => {
  it('streams live snapshots that move with ingested events and probe results', async () => {
    const probeUrl = await healthyEndpoint();
    running = await startCollector(
      testConfig('live', {
        PROBE_TARGETS: JSON.stringify([{ name: 'vend_api', url: probeUrl, intervalSeconds: 60 }]),
      }),
      { logger: silentLogger, defaultMetrics: false, liveIntervalMs: 50 },
    );
    const r = running;
    const failures = [1, 2, 3].map((i) =>
      event(`L${i}`, 'token_generation', 'failed', { error: { domain: 'vending', rawCode: 'LatestKRNEx' } }),
    );
    expect((await fetch(`${r.url}/v1/vend-events`, authorised(ndjson(failures)))).status).toBe(202);
    const stream = await fetch(`${r.url}/v1/live`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('access-control-allow-origin')).toBe('*');
    const events = await readEvents(
      stream,
      (seen) => seen.some((s) => s.probes[0]?.up === true) && seen.length >= 2,
    );
    const last = events.at(-1) as LiveSnapshot;
    expect(last.topErrorCodes15m).toEqual([
      { code: 'KEY_CHANGE_REQUIRED', class: 'system', count: 3, rawExamples: ['LatestKRNEx'] },
    ]);
    expect(last.systemFailureRatio5m).toBe(1);
    expect(last.series.failures).toHaveLength(180);
    expect(last.series.failures.at(-1)).toBe(3);
    expect(last.probes[0]).toMatchObject({ name: 'vend_api', up: true });
    expect(last.redisUp).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/L1|L2|L3/);
  });

  it('mounts extension routes and runs their start and stop with the collector', async () => {
    const calls: string[] = [];
    const social: CollectorExtensionFactory = (context) => {
      calls.push(
        `created:${context.config.redisKeyPrefix === running?.collector.config.redisKeyPrefix || 'ctx'}`,
      );
      return {
        name: 'social',
        routes: (app) => app.get('/v1/social/ping', (c) => c.json({ pong: true })),
        start: () => {
          calls.push('start');
        },
        stop: () => {
          calls.push('stop');
        },
      };
    };
    running = await startCollector(testConfig('ext'), {
      logger: silentLogger,
      defaultMetrics: false,
      extensions: [social],
    });
    expect(await (await fetch(`${running.url}/v1/social/ping`)).json()).toEqual({ pong: true });
    expect(calls).toContain('start');
    await running.stop();
    expect(calls.at(-1)).toBe('stop');
  });

  it('stops gracefully: ends open live streams, refuses new connections, closes Redis', async () => {
    running = await startCollector(testConfig('stop'), {
      logger: silentLogger,
      defaultMetrics: false,
      liveIntervalMs: 50,
    });
    const r = running;
    const stream = await fetch(`${r.url}/v1/live`);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await r.stop();
    await waitFor('stream ended', async () => {
      const { done } = await reader.read();
      return done ? true : undefined;
    });
    await expect(fetch(`${r.url}/healthz`)).rejects.toThrow();
    expect(r.collector.redis.status).toBe('end');
  });
});
