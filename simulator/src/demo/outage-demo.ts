import { METRICS, StimaError } from '@stimawatch/core';
import type { ScenarioStatus } from '../generator/traffic-generator';
import type { PhaseName } from '../scenario/scenario';
import { outageWallMs } from '../scenario/scenario';
import type { DemoConfig } from './demo-config';
import { formatTimelineLine, type IntervalFigures, summariseInterval } from './interval-summary';
import { type MetricSample, parsePrometheusText } from './prometheus-text';

/** Plays the outage somewhere (the running simulator, or a generator in this process) and reports its phase. */
export interface ScenarioDriver {
  mode: 'control-api' | 'in-process';
  status: ScenarioStatus;
  /** The phase of the run the demo started; `replaced` if someone switched the scenario meanwhile. */
  phase(): Promise<PhaseName | 'replaced'>;
  stop(): Promise<void>;
}

export interface OutageDemoDeps {
  config: DemoConfig;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  now(): number;
  print(line: string): void;
  startInProcess(config: DemoConfig): Promise<ScenarioDriver>;
}

export interface DemoSummary {
  mode: ScenarioDriver['mode'];
  durationMs: number;
  peakFailureRatio: number | null;
  peakPaymentsWithoutToken: number | null;
  finalPaymentsWithoutToken: number | null;
  overall: IntervalFigures | undefined;
  ended: 'done' | 'replaced' | 'deadline';
}

/** After recovery, at most this many more intervals waiting for payments without a token to drain. */
const MAX_SETTLE_INTERVALS = 6;

async function getJson(deps: OutageDemoDeps, url: string, init: RequestInit = {}): Promise<Response> {
  return deps.fetch(url, { ...init, signal: AbortSignal.timeout(3_000) });
}

/** Switches the running simulator to `outage` through its control API; undefined when none answers. */
export async function connectControlApi(deps: OutageDemoDeps): Promise<ScenarioDriver | undefined> {
  const url = `${deps.config.controlUrl}/scenario`;
  try {
    const probe = await getJson(deps, url);
    await probe.arrayBuffer();
  } catch {
    // Nothing listening: the caller falls back to running the generator in this process.
    return undefined;
  }
  const body =
    deps.config.timeScale === undefined
      ? { name: 'outage' }
      : { name: 'outage', timeScale: deps.config.timeScale };
  const response = await getJson(deps, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deps.config.ingestToken}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new StimaError('UNAVAILABLE', `simulator control API refused the switch: HTTP ${response.status}`, {
      body: await response.text(),
    });
  }
  const status = (await response.json()) as ScenarioStatus;
  return {
    mode: 'control-api',
    status,
    async phase() {
      const current = (await (await getJson(deps, url)).json()) as ScenarioStatus;
      return current.runId === status.runId ? current.phase : 'replaced';
    },
    stop: async () => undefined,
  };
}

async function scrape(deps: OutageDemoDeps): Promise<MetricSample[] | undefined> {
  try {
    const response = await getJson(deps, `${deps.config.collectorUrl}/metrics`);
    if (!response.ok) return undefined;
    return parsePrometheusText(await response.text());
  } catch {
    // The timeline prints "unavailable" for this interval; the demo goes on.
    return undefined;
  }
}

const pct = (ratio: number | null) => (ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)}%`);

/** Replays the outage and prints a timeline from the collector's /metrics until recovery, then a summary. */
export async function runOutageDemo(deps: OutageDemoDeps): Promise<DemoSummary> {
  const { config, print } = deps;
  const driver = (await connectControlApi(deps)) ?? (await deps.startInProcess(config));
  const expectedMs = outageWallMs(driver.status.durations, driver.status.timeScale);
  print(
    driver.mode === 'control-api'
      ? `Switched the running simulator (${config.controlUrl}) to the outage scenario.`
      : `No simulator answered at ${config.controlUrl}: playing the outage from this process against ${config.collectorUrl}.`,
  );
  print(
    `Phases: validation failing → tokens stopped → recovery, about ${Math.round(expectedMs / 1000)} s. Timeline from ${config.collectorUrl}/metrics every ${config.intervalMs / 1000} s:`,
  );

  const startedMs = deps.now();
  const first = await scrape(deps);
  let previous = first;
  let last = first;
  let peakFailureRatio: number | null = null;
  let peakWithout: number | null = null;
  let ended: DemoSummary['ended'] = 'deadline';
  let settling = 0;
  const baselineWithout = first?.find((s) => s.name === METRICS.paymentsWithoutToken)?.value ?? 0;
  const deadline = startedMs + expectedMs + 5 * 60_000 + MAX_SETTLE_INTERVALS * config.intervalMs;

  while (deps.now() < deadline) {
    await deps.sleep(config.intervalMs);
    const current = await scrape(deps);
    const figures = previous && current ? summariseInterval(previous, current) : undefined;
    const phase = await driver.phase();
    print(formatTimelineLine(deps.now() - startedMs, phase, figures));
    if (
      figures?.systemFailureRatio != null &&
      (peakFailureRatio === null || figures.systemFailureRatio > peakFailureRatio)
    ) {
      peakFailureRatio = figures.systemFailureRatio;
    }
    if (figures?.paymentsWithoutToken != null)
      peakWithout = Math.max(peakWithout ?? 0, figures.paymentsWithoutToken);
    if (current) {
      previous = current;
      last = current;
    }
    if (phase === 'replaced') {
      ended = phase;
      break;
    }
    if (phase === 'done') {
      ended = 'done';
      // Let the collector's "paid, no token" gauge come back down before summing up (bounded wait).
      const without = figures?.paymentsWithoutToken;
      settling++;
      if (without == null || without <= baselineWithout || settling > MAX_SETTLE_INTERVALS) break;
    }
  }
  await driver.stop();

  const overall = first && last ? summariseInterval(first, last, 5) : undefined;
  const summary: DemoSummary = {
    mode: driver.mode,
    durationMs: deps.now() - startedMs,
    peakFailureRatio,
    peakPaymentsWithoutToken: peakWithout,
    finalPaymentsWithoutToken: overall?.paymentsWithoutToken ?? null,
    overall,
    ended,
  };
  printSummary(print, summary);
  return summary;
}

function printSummary(print: (line: string) => void, summary: DemoSummary): void {
  const how = {
    done: 'recovered',
    replaced: 'was replaced by another scenario',
    deadline: 'did not finish in time',
  };
  print('');
  print(
    `Outage replay ${how[summary.ended]} after ${Math.round(summary.durationMs / 1000)} s (${summary.mode}).`,
  );
  print(`  peak system failure ratio (per interval): ${pct(summary.peakFailureRatio)}`);
  print(`  peak payments without a token: ${summary.peakPaymentsWithoutToken ?? 'n/a'}`);
  print(`  payments without a token now: ${summary.finalPaymentsWithoutToken ?? 'n/a'}`);
  if (summary.overall) {
    print(`  tokens issued during the replay: ${Math.round(summary.overall.tokensIssued)}`);
    print(`  payments received during the replay: ${Math.round(summary.overall.paymentsReceived)}`);
    const codes = summary.overall.topErrorCodes.map((e) => `${e.code} (${e.class}) ${Math.round(e.count)}`);
    print(`  top error codes: ${codes.join(', ') || 'none'}`);
  }
}
