/**
 * Alerts service benchmark: Alertmanager webhook throughput (alerts/s) and p99 latency under 100 concurrent
 * posts, against a bare Hono endpoint that only parses the same body (same machine, same run). The service runs
 * as a child process (its real composition root: PGlite or PostgreSQL, BullMQ timers and delivery) on a private
 * redis-server, so the load generator does not share its event loop.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivatePostgres, freePort, type PrivatePostgres } from '@stimawatch/core/testing';
import { type AutocannonResult, autocannon } from './autocannon';
import { spawnReady, stopChild } from './bench-processes';
import type { BenchResult } from './bench-result';

const CONNECTIONS = 100;
const DURATION_SECONDS = 6;
const GROUPS = 20;

const BARE_SERVER = `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.post('/v1/alertmanager', async (c) => {
  const body = await c.req.json();
  return c.json({ status: 'recorded', alerts: body.alerts.length, duplicates: 0 });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('listening ' + info.port));
`;

/**
 * A notification as Alertmanager sends it, carrying `size` alerts of one group; `unique` alerts are new (spread
 * over a few groups, i.e. incidents), otherwise the same alerts are sent again (HA duplicates, retries).
 */
function payload(run: string, index: number, unique: boolean, size: number): string {
  const group = index % GROUPS;
  const labels = { alertname: `BenchAlert${group}`, severity: 'ticket', service: 'platform', team: 'oncall' };
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="BenchAlert${group}",run="${run}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'stimawatch-pager',
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: { summary: 'Benchmark alert' },
    externalURL: 'http://alertmanager:9093',
    alerts: Array.from({ length: size }, (_, k) => ({
      status: 'firing',
      labels: { ...labels, instance: `node-${k}` },
      annotations: { summary: 'Benchmark alert' },
      startsAt: '2026-05-04T19:02:15.123Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: unique ? `${run}-${index}-${k}` : `${run}-dup-${k}`,
    })),
  });
}

async function load(
  url: string,
  run: string,
  options: { unique: boolean; size?: number; seconds?: number },
): Promise<AutocannonResult> {
  const size = options.size ?? 1;
  let index = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: options.seconds ?? DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/v1/alertmanager',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: payload(run, index++, options.unique, size) }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${run}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { ...result, requests: { ...result.requests, average: result.requests.average * size } };
}

async function startAlerts(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const started = await spawnReady(
    process.execPath,
    ['--import', 'tsx', 'alerts/src/main.ts'],
    {
      ALERTS_PORT: '0',
      ACK_LINK_SECRET: 'bench-ack-link-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
      ...env,
    },
    /"port":(\d+)/,
  );
  return { child: started.child, url: `http://127.0.0.1:${started.match[1]}` };
}

function versus(
  name: string,
  measured: AutocannonResult,
  bare: AutocannonResult,
  goals: { rate: string; p99: string },
): BenchResult[] {
  return [
    {
      name: `${name}_alerts_per_s`,
      value: measured.requests.average,
      unit: 'alerts/s',
      baseline: bare.requests.average,
      ratio: measured.requests.average / bare.requests.average,
      goal: goals.rate,
    },
    {
      name: `${name}_p99_ms`,
      value: measured.latency.p99,
      unit: `ms at ${CONNECTIONS} concurrent posts`,
      baseline: bare.latency.p99,
      ratio: measured.latency.p99 / Math.max(bare.latency.p99, 1),
      goal: goals.p99,
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'stimawatch-bench-alerts-'));
  let postgres: PrivatePostgres | undefined;
  try {
    const redisPort = await freePort();
    const redis = await spawnReady(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
      /Ready to accept connections/,
    );
    children.push(redis.child);
    const redisEnv = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    const bare = await spawnReady(
      process.execPath,
      ['--input-type=module', '-e', BARE_SERVER],
      {},
      /listening (\d+)/,
    );
    children.push(bare.child);
    const bareUrl = `http://127.0.0.1:${bare.match[1]}`;
    await load(bareUrl, 'warm-bare', { unique: true, seconds: 2 });
    const bareResult = await load(bareUrl, 'bare', { unique: true });
    const bareGroups = await load(bareUrl, 'bare-groups', { unique: true, size: 10 });

    const embedded = await startAlerts({ ...redisEnv, DATA_DIR: dataDir, REDIS_KEY_PREFIX: 'bench-pglite' });
    children.push(embedded.child);
    await load(embedded.url, 'warm-pglite', { unique: true, seconds: 2 });
    results.push(
      ...versus('pglite_new_alerts', await load(embedded.url, 'pglite', { unique: true }), bareResult, {
        rate: '>= 300 alerts/s',
        p99: '< 1000 ms',
      }),
      ...versus('pglite_duplicates', await load(embedded.url, 'pglite-dup', { unique: false }), bareResult, {
        rate: '>= 500 alerts/s',
        p99: '< 500 ms',
      }),
      ...versus(
        'pglite_groups_of_10',
        await load(embedded.url, 'pglite-groups', { unique: true, size: 10 }),
        bareGroups,
        {
          rate: '>= 1000 alerts/s',
          p99: '< 2000 ms',
        },
      ),
    );
    await stopChild(embedded.child);

    postgres = await createPrivatePostgres();
    const server = await startAlerts({
      ...redisEnv,
      DATABASE_URL: postgres.url,
      REDIS_KEY_PREFIX: 'bench-postgres',
    });
    children.push(server.child);
    await load(server.url, 'warm-postgres', { unique: true, seconds: 2 });
    results.push(
      ...versus('postgres_new_alerts', await load(server.url, 'postgres', { unique: true }), bareResult, {
        rate: '>= 300 alerts/s',
        p99: '< 1000 ms',
      }),
    );
    await stopChild(server.child);
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
