import { describe, expect, it } from 'vitest';
import type { ScenarioStatus } from '../generator/traffic-generator';
import { DEFAULT_OUTAGE_DURATIONS, type PhaseName } from '../scenario/scenario';
import { parseDemoConfig } from './demo-config';
import { type OutageDemoDeps, runOutageDemo } from './outage-demo';

const config = parseDemoConfig(
  {},
  { SIMULATOR_INGEST_TOKEN: 't'.repeat(32), MPESA_CALLBACK_SECRET: 's'.repeat(16) },
);

const status = (phase: PhaseName, runId = 3): ScenarioStatus => ({
  runId,
  name: 'outage',
  phase,
  phaseProgress: 0,
  startedAt: '2024-06-04T16:00:00.000Z',
  elapsedScenarioMs: 0,
  timeScale: 1,
  durations: DEFAULT_OUTAGE_DURATIONS,
  backlog: 0,
});

/** The collector's counters after each scrape: failures climb, then tokens catch up and the gauge drains. */
function metricsAt(step: number, drainedAt = 4): string {
  const failing = Math.min(step, 3) * 40;
  const tokens = 100 + (step >= 4 ? 300 : step);
  const without = step >= drainedAt ? 0 : Math.min(step, 3) * 25;
  return [
    `stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="success"} ${100 + step * 20}`,
    `stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="rejected"} ${failing}`,
    `stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"} ${tokens}`,
    `stimawatch_vend_errors_total{channel="mpesa_c2b",stage="payment_validation",code="VALIDATION_REJECTED",class="system"} ${failing}`,
    `stimawatch_payments_without_token ${without}`,
  ].join('\n');
}

function harness(options: { controlUp: boolean; drainedAt?: number }) {
  const lines: string[] = [];
  const requests: { url: string; method: string; auth: string | null }[] = [];
  const phases: PhaseName[] = ['validation_failing', 'tokens_stopped', 'tokens_stopped', 'recovery', 'done'];
  let scrapes = 0;
  let polls = 0;
  let now = 1_000_000;
  let inProcessStarted = false;
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    requests.push({ url, method, auth: new Headers(init?.headers).get('authorization') });
    if (url.endsWith('/metrics')) return new Response(metricsAt(scrapes++, options.drainedAt));
    if (!options.controlUp) throw new TypeError('fetch failed: ECONNREFUSED');
    if (method === 'POST') return Response.json(status('validation_failing'));
    if (requests.filter((r) => r.url.endsWith('/scenario')).length === 1)
      return Response.json(status('normal', 2));
    return Response.json(status(phases[Math.min(polls++, phases.length - 1)] ?? 'done'));
  }) as typeof fetch;
  const deps: OutageDemoDeps = {
    config,
    fetch: fakeFetch,
    sleep: async (ms) => {
      now += ms;
    },
    now: () => now,
    print: (line) => lines.push(line),
    startInProcess: async () => {
      inProcessStarted = true;
      let calls = 0;
      return {
        mode: 'in-process',
        status: status('validation_failing'),
        phase: async () => (++calls >= 3 ? 'done' : 'tokens_stopped'),
        stop: async () => undefined,
      };
    },
  };
  return { deps, lines, requests, inProcessStarted: () => inProcessStarted };
}

describe('runOutageDemo', () => {
  it('switches the running simulator with its token and narrates until recovery', async () => {
    const h = harness({ controlUp: true });
    const summary = await runOutageDemo(h.deps);
    const post = h.requests.find((r) => r.method === 'POST');
    expect(post).toMatchObject({ url: 'http://127.0.0.1:8090/scenario', auth: `Bearer ${'t'.repeat(32)}` });
    expect(h.inProcessStarted()).toBe(false);
    expect(summary).toMatchObject({ mode: 'control-api', ended: 'done', peakPaymentsWithoutToken: 75 });
    expect(summary.finalPaymentsWithoutToken).toBe(0);
    expect(summary.peakFailureRatio).toBeGreaterThan(0.6);
    expect(summary.peakFailureRatio).toBeLessThan(0.7);
    const timeline = h.lines.filter((line) => line.startsWith('['));
    expect(timeline).toHaveLength(5);
    expect(timeline[0]).toMatch(/^\[00:10\] validation_failing/);
    expect(timeline.at(-1)).toMatch(/done/);
    expect(h.lines.join('\n')).toContain('tokens issued during the replay: 300');
    expect(h.lines.join('\n')).toContain('VALIDATION_REJECTED (system) 120');
  });

  it('waits after recovery until the payments without a token have drained', async () => {
    const h = harness({ controlUp: true, drainedAt: 8 });
    const summary = await runOutageDemo(h.deps);
    const timeline = h.lines.filter((line) => line.startsWith('['));
    expect(timeline.filter((line) => line.includes(' done '))).toHaveLength(4);
    expect(summary.finalPaymentsWithoutToken).toBe(0);
  });

  it('plays the outage itself when no simulator answers', async () => {
    const h = harness({ controlUp: false });
    const summary = await runOutageDemo(h.deps);
    expect(h.inProcessStarted()).toBe(true);
    expect(summary).toMatchObject({ mode: 'in-process', ended: 'done' });
    expect(h.lines[0]).toContain('No simulator answered');
  });

  it('reads its settings from local.env unless the environment overrides them', () => {
    const local = { SIMULATOR_INGEST_TOKEN: 'a'.repeat(20), SIMULATOR_CONTROL_PORT: '9001' };
    expect(parseDemoConfig({}, local)).toMatchObject({
      controlUrl: 'http://127.0.0.1:9001',
      intervalMs: 10_000,
    });
    expect(parseDemoConfig({ SIMULATOR_CONTROL_PORT: '9002' }, local).controlUrl).toBe(
      'http://127.0.0.1:9002',
    );
    expect(() => parseDemoConfig({}, {})).toThrow(/SIMULATOR_INGEST_TOKEN/);
  });
});
