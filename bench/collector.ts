/**
 * Collector benchmark: ingest throughput against a bare Hono server that only reads and parses the body
 * (same machine, same run), /metrics render time at realistic cardinality, and RSS after one million
 * events. The collector runs as a child process (its real composition root) on a private redis-server.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CHANNELS, NORMALISED_CODES, OUTCOMES, STAGES, type VendEvent } from '@stimawatch/core';
import { createPrivatePostgres, freePort } from '@stimawatch/core/testing';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createCollectorMetrics } from '../collector/src/metrics/collector-metrics';
import { buildService } from '../scripts/build-services';
import { imageCommand } from '../scripts/image-command';
import { type AutocannonRequest, autocannon } from './autocannon';
import { spawnReady, stopChild } from './bench-processes';
import type { BenchResult } from './bench-result';

const TOKEN = 'bench-token-0123456789abcdef';
const BATCH = 1000;
const DURATION_SECONDS = 8;
const ROUNDS = 2;
/**
 * Concurrent connections per load: enough for each server to be busy all the time. A batch keeps a server
 * busy for milliseconds, so 8 do; a single event for tens of microseconds, and the collector also waits one
 * Redis round trip per request, so it needs about 128 connections to saturate (the bare server does at 32).
 */
const CONNECTIONS = { batch: 8, single: 128 } as const;
/** The single-event figure also measured at this concurrency, where the collector is latency-bound. */
const SINGLE_LOW_CONNECTIONS = 32;
const MILLION = 1_000_000;

const BARE_SERVER = `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.post('/v1/vend-events', async (c) => {
  const text = await c.req.text();
  let count = 0;
  for (const line of text.split('\\n')) {
    if (line.trim() === '') continue;
    JSON.parse(line);
    count += 1;
  }
  return c.json({ accepted: count }, 202);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('listening ' + info.port));
`;

/** One purchase is four stage events; about 3 % of token generations fail with a system code. */
function batchLines(prefix: string, size: number): string {
  const lines: string[] = [];
  const now = Date.now();
  for (let i = 0; lines.length < size; i++) {
    const attemptId = `${prefix}-${i}`;
    const channel = CHANNELS[i % 3] as string;
    const base = { attemptId, channel, occurredAt: now, latencyMs: 120 };
    lines.push(
      JSON.stringify({ ...base, stage: 'payment_received', outcome: 'success', amountMinor: 100_000 }),
    );
    lines.push(
      JSON.stringify({ ...base, stage: 'meter_lookup', outcome: 'success', meterNumber: '14252321790' }),
    );
    lines.push(
      i % 33 === 0
        ? JSON.stringify({
            ...base,
            stage: 'token_generation',
            outcome: 'failed',
            error: { domain: 'vending', rawCode: 'HSM_UNAVAILABLE' },
          })
        : JSON.stringify({ ...base, stage: 'token_generation', outcome: 'success' }),
    );
    lines.push(JSON.stringify({ ...base, stage: 'token_delivery_sms', outcome: 'success' }));
  }
  return lines.slice(0, size).join('\n');
}

function vendRequests(kind: 'batch' | 'single', tag: string): AutocannonRequest[] {
  let sequence = 0;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' };
  // A fixed template with a per-request attempt prefix, so every request carries new attempts.
  const template = kind === 'batch' ? batchLines('@@', BATCH).split('@@') : batchLines('@@', 1).split('@@');
  return [
    {
      method: 'POST',
      path: '/v1/vend-events',
      headers,
      setupRequest: (request) => ({ ...request, body: template.join(`${tag}${sequence++}`) }),
    },
  ];
}

async function load(
  url: string,
  kind: 'batch' | 'single',
  tag: string,
  duration = DURATION_SECONDS,
  connections: number = CONNECTIONS[kind],
) {
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: vendRequests(kind, tag),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${kind} load against ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return result;
}

/** Requests/s of each server over alternating rounds (bare, collector, bare, collector). */
async function alternate(
  bareUrl: string,
  collectorUrl: string,
  kind: 'batch' | 'single',
  connections: number = CONNECTIONS[kind],
) {
  const totals = { bare: 0, collector: 0, collectorTotal: 0, collectorP99: 0 };
  const roundRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const seconds = DURATION_SECONDS / ROUNDS;
    const bare = await load(bareUrl, kind, `${kind}-bare-${connections}-${round}-`, seconds, connections);
    const collector = await load(
      collectorUrl,
      kind,
      `${kind}-${connections}-${round}-`,
      seconds,
      connections,
    );
    roundRatios.push(collector.requests.average / bare.requests.average);
    totals.bare += bare.requests.average;
    totals.collector += collector.requests.average;
    totals.collectorTotal += collector.requests.total;
    totals.collectorP99 = Math.max(totals.collectorP99, collector.latency.p99);
  }
  return {
    bare: totals.bare / ROUNDS,
    collector: totals.collector / ROUNDS,
    collectorTotal: totals.collectorTotal,
    collectorP99: totals.collectorP99,
    roundRatios,
  };
}

async function postBatches(url: string, count: number, tag: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const body = batchLines(`${tag}${next++}`, BATCH);
      const response = await fetch(`${url}/v1/vend-events`, {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      });
      if (response.status !== 202) throw new Error(`top-up batch answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Renders /metrics on a registry filled like a busy collector: every channel×stage×outcome, ~40 codes. */
async function metricsRenderMs(): Promise<{ ms: number; series: number }> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createCollectorMetrics(registry, ['vending', 'gateway']);
  const codes = NORMALISED_CODES.slice(0, 40);
  const events: VendEvent[] = [];
  for (const channel of CHANNELS) {
    for (const stage of STAGES) {
      for (const outcome of OUTCOMES) {
        events.push({
          version: 1,
          attemptId: 'x',
          channel,
          stage,
          outcome,
          occurredAtMs: Date.now(),
          currency: 'KES',
          latencyMs: 200,
        });
      }
    }
    for (const [index, code] of codes.entries()) {
      for (const stage of [STAGES[index % STAGES.length], STAGES[(index + 2) % STAGES.length]] as const) {
        events.push({
          version: 1,
          attemptId: 'x',
          channel,
          stage: stage ?? 'token_generation',
          outcome: 'failed',
          occurredAtMs: Date.now(),
          currency: 'KES',
          error: {
            domain: 'vending',
            rawCode: code,
            code,
            class: index % 2 ? 'customer' : 'system',
            retryable: true,
          },
        });
      }
    }
    metrics.observePaymentToToken(channel, 42);
  }
  metrics.recordEvents(events, Date.now());
  for (const probe of ['sandbox_vend', 'daraja_oauth', 'ussd_menu']) metrics.setProbe(probe, true, 0.3);
  const text = await registry.metrics();
  const series = text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length;
  for (let i = 0; i < 50; i++) await registry.metrics();
  const timings: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await registry.metrics();
    timings.push(performance.now() - started);
  }
  return { ms: median(timings), series };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const render = await metricsRenderMs();
  results.push({
    name: 'metrics_render_ms',
    value: render.ms,
    unit: `ms (${render.series} series)`,
    goal: '<10 ms',
  });

  const redisPort = await freePort();
  const redis = await spawnReady(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
    /Ready to accept connections/,
  );
  const children: ChildProcess[] = [redis.child];
  // Production-like storage: PostgreSQL, as a scaled deployment runs it (PGlite adds its own ~250 MB of WASM heap).
  const database = await createPrivatePostgres();
  try {
    const bare = await spawnReady(
      process.execPath,
      ['--input-type=module', '-e', BARE_SERVER],
      {},
      /listening (\d+)/,
    );
    children.push(bare.child);
    const bareUrl = `http://127.0.0.1:${bare.match[1]}`;
    // The collector as the image runs it: the production bundle, with the CMD's node flags (Dockerfile.collector).
    await buildService('collector');
    const [, ...nodeArgs] = imageCommand('collector');
    const collector = await spawnReady(
      process.execPath,
      nodeArgs,
      {
        COLLECTOR_PORT: '0',
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_KEY_PREFIX: 'bench',
        INGEST_TOKENS: `bench:${TOKEN}`,
        MPESA_CALLBACK_SECRET: 'bench-callback-secret-0123',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'info',
      },
      /"url":"(http:\/\/[^"]+)"/,
    );
    children.push(collector.child);
    const collectorUrl = collector.match[1] as string;

    await load(bareUrl, 'batch', 'warm-bare-', 2);
    const warm = await load(collectorUrl, 'batch', 'warm-', 2);
    // Alternating rounds, so noise from other work on the machine falls on both servers alike.
    const batch = await alternate(bareUrl, collectorUrl, 'batch');
    const bareEvents = batch.bare * BATCH;
    const collectorEvents = batch.collector * BATCH;
    results.push({
      name: 'ndjson_batch_events_per_s',
      value: collectorEvents,
      unit: 'events/s',
      goal: '>=100000',
    });
    results.push({
      name: 'ndjson_batch_vs_bare',
      value: collectorEvents,
      unit: 'events/s',
      baseline: bareEvents,
      ratio: collectorEvents / bareEvents,
      goal: 'ratio>=0.5',
    });

    // Each round's own ratio: how much of the spread is the machine's noise rather than the collector.
    results.push({
      name: 'ndjson_batch_vs_bare_by_round',
      value: median(batch.roundRatios),
      unit: `median ratio (rounds: ${batch.roundRatios.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    });
    results.push({
      name: 'ndjson_batch_p99_ms',
      value: batch.collectorP99,
      unit: `ms (${CONNECTIONS.batch} connections)`,
    });

    const single = await alternate(bareUrl, collectorUrl, 'single');
    results.push({
      name: 'single_event_requests_per_s',
      value: single.collector,
      unit: `req/s (${CONNECTIONS.single} connections)`,
      baseline: single.bare,
      ratio: single.collector / single.bare,
      goal: 'ratio>=0.6',
    });
    results.push({
      name: 'single_event_p99_ms',
      value: single.collectorP99,
      unit: `ms (${CONNECTIONS.single} connections)`,
    });
    const fewer = await alternate(bareUrl, collectorUrl, 'single', SINGLE_LOW_CONNECTIONS);
    results.push({
      name: 'single_event_requests_per_s_latency_bound',
      value: fewer.collector,
      unit: `req/s (${SINGLE_LOW_CONNECTIONS} connections)`,
      baseline: fewer.bare,
      ratio: fewer.collector / fewer.bare,
    });

    const sent =
      (warm.requests.total + batch.collectorTotal) * BATCH + single.collectorTotal + fewer.collectorTotal;
    const remainingBatches = Math.max(0, Math.ceil((MILLION - sent) / BATCH));
    await postBatches(collectorUrl, remainingBatches, 'rss-');
    const pid = collector.child.pid as number;
    const peak = rssMegabytes(pid);
    // Memory held once the load stops (V8 shrinks its young generation when allocation calms down):
    // what must not grow with the number of events, since attempt state lives in Redis.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    results.push({ name: 'rss_after_1m_events', value: rssMegabytes(pid), unit: 'MB', goal: '<200 MB' });
    results.push({ name: 'rss_at_end_of_load', value: peak, unit: 'MB' });
    const httpTimings: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await (await fetch(`${collectorUrl}/metrics`)).text();
      httpTimings.push(performance.now() - started);
    }
    results.push({ name: 'metrics_http_ms_after_1m_events', value: median(httpTimings), unit: 'ms' });
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await database.drop();
  }
  return results;
}
