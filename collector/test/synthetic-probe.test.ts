import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@stimawatch/core/testing';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollectorMetrics } from '../src/metrics/collector-metrics';
import { probeTargetSchema } from '../src/probe/probe-target';
import { createSyntheticProbe } from '../src/probe/synthetic-probe';
import { sample, silentLogger } from './helpers/collector-harness';

/** A stand-in vending sandbox: answers a test purchase, or fails in the way it is told to. */
async function fakeVendingApi() {
  const state = {
    mode: 'ok' as 'ok' | 'error' | 'wrong-body' | 'hang',
    requests: [] as Array<{ method?: string; body: string; auth?: string }>,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      state.requests.push({ method: req.method, body, auth: req.headers.authorization });
      if (state.mode === 'hang') return;
      if (state.mode === 'error') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"fault":"SystemEx"}');
        return;
      }
      const token = state.mode === 'ok' ? '"token":"1234-5678-9012-3456-7890"' : '"fault":"LatestKRNEx"';
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{${token}}`);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vend`;
  return {
    state,
    url,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(intervalSeconds = 60) {
  const api = await fakeVendingApi();
  cleanups.push(api.close);
  const registry = new Registry();
  const target = probeTargetSchema.parse({
    name: 'sandbox_vend',
    url: api.url,
    method: 'POST',
    headers: { authorization: 'Bearer probe-key', 'content-type': 'application/json' },
    body: '{"meter":"TEST-METER","amountMinor":1000}',
    expectStatus: 200,
    expectBodyIncludes: '"token"',
    intervalSeconds,
    timeoutMs: 300,
  });
  const probe = createSyntheticProbe({
    targets: [target],
    metrics: createCollectorMetrics(registry, []),
    logger: silentLogger,
  });
  cleanups.push(() => probe.stop());
  const value = async (name: string) => sample(await registry.metrics(), `${name}{probe="sandbox_vend"}`);
  return { api, probe, value };
}

describe('synthetic vend probe', () => {
  it('sends the configured request and reports success with its duration', async () => {
    const { api, probe, value } = await setup();
    const [result] = await probe.runOnce();
    expect(result).toMatchObject({ success: true });
    expect(api.state.requests[0]).toEqual({
      method: 'POST',
      body: '{"meter":"TEST-METER","amountMinor":1000}',
      auth: 'Bearer probe-key',
    });
    expect(await value('stimawatch_probe_success')).toBe(1);
    expect(await value('stimawatch_probe_duration_seconds')).toBeGreaterThan(0);
    expect(probe.statuses()[0]).toMatchObject({ name: 'sandbox_vend', up: true });
  });

  it('fails on a wrong status, on missing expected text and on timeout, then recovers', async () => {
    const { api, probe, value } = await setup();
    api.state.mode = 'error';
    expect((await probe.runOnce())[0]).toMatchObject({ success: false, failure: 'status 503, expected 200' });
    expect(await value('stimawatch_probe_success')).toBe(0);
    api.state.mode = 'wrong-body';
    expect((await probe.runOnce())[0]).toMatchObject({
      success: false,
      failure: 'expected text missing from the response',
    });
    api.state.mode = 'hang';
    expect((await probe.runOnce())[0]).toMatchObject({ success: false, failure: 'timed out after 300 ms' });
    expect(probe.statuses()[0]?.up).toBe(false);
    api.state.mode = 'ok';
    expect((await probe.runOnce())[0]).toMatchObject({ success: true });
    expect(await value('stimawatch_probe_success')).toBe(1);
  });

  it('runs on its interval once started', async () => {
    const { api, probe, value } = await setup(0.05);
    api.state.mode = 'error';
    probe.start();
    await waitFor('probe failing', async () =>
      api.state.requests.length >= 2 && (await value('stimawatch_probe_success')) === 0 ? true : undefined,
    );
    api.state.mode = 'ok';
    await waitFor('probe recovered', async () =>
      (await value('stimawatch_probe_success')) === 1 ? true : undefined,
    );
  });
});
