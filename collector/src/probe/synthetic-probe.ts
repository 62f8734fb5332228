import type { Logger, ProbeStatus } from '@stimawatch/core';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import type { ProbeTarget } from './probe-target';

export interface ProbeResult {
  success: boolean;
  durationSeconds: number;
  /** Why it failed (status, missing text, timeout); never the response body. */
  failure?: string;
}

export interface SyntheticProbe {
  start(): void;
  stop(): void;
  /** Runs one check now (all checks when no name is given) and publishes the results. */
  runOnce(name?: string): Promise<ProbeResult[]>;
  statuses(): ProbeStatus[];
}

/** Runs one HTTP check: status and optional body text, within the target's timeout. */
export async function checkTarget(
  target: ProbeTarget,
  fetchImpl: typeof fetch = fetch,
): Promise<ProbeResult> {
  const started = performance.now();
  const finish = (failure?: string): ProbeResult => {
    const durationSeconds = (performance.now() - started) / 1000;
    return failure === undefined
      ? { success: true, durationSeconds }
      : { success: false, durationSeconds, failure };
  };
  try {
    const init: RequestInit = {
      method: target.method,
      headers: target.headers,
      signal: AbortSignal.timeout(target.timeoutMs),
    };
    if (target.body !== undefined && target.method !== 'GET' && target.method !== 'HEAD')
      init.body = target.body;
    const response = await fetchImpl(target.url, init);
    const text = target.expectBodyIncludes === undefined ? undefined : await response.text();
    if (text === undefined) await response.body?.cancel();
    if (response.status !== target.expectStatus) {
      return finish(`status ${response.status}, expected ${target.expectStatus}`);
    }
    if (text !== undefined && !text.includes(target.expectBodyIncludes as string)) {
      return finish('expected text missing from the response');
    }
    return finish();
  } catch (error) {
    const name = (error as Error).name;
    return finish(
      name === 'TimeoutError' ? `timed out after ${target.timeoutMs} ms` : (error as Error).message,
    );
  }
}

/** Schedules the configured checks and exports `stimawatch_probe_success` / `_duration_seconds`. */
export function createSyntheticProbe(deps: {
  targets: readonly ProbeTarget[];
  metrics: CollectorMetrics;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}): SyntheticProbe {
  const now = deps.now ?? Date.now;
  const status = new Map<string, ProbeStatus>(
    deps.targets.map((t) => [t.name, { name: t.name, up: null, lastCheckedAt: null, durationSeconds: null }]),
  );
  const timers = new Map<string, NodeJS.Timeout>();
  let running = false;

  async function run(target: ProbeTarget): Promise<ProbeResult> {
    const result = await checkTarget(target, deps.fetch);
    deps.metrics.setProbe(target.name, result.success, result.durationSeconds);
    const previous = status.get(target.name)?.up;
    if (!result.success && previous !== false) {
      deps.logger.warn({ probe: target.name, failure: result.failure }, 'synthetic probe failing');
    } else if (result.success && previous === false) {
      deps.logger.info({ probe: target.name }, 'synthetic probe recovered');
    }
    status.set(target.name, {
      name: target.name,
      up: result.success,
      lastCheckedAt: new Date(now()).toISOString(),
      durationSeconds: result.durationSeconds,
    });
    return result;
  }

  function schedule(target: ProbeTarget, delayMs: number): void {
    const timer = setTimeout(async () => {
      await run(target);
      if (running) schedule(target, target.intervalSeconds * 1000);
    }, delayMs);
    timer.unref();
    timers.set(target.name, timer);
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (const target of deps.targets) schedule(target, 0);
    },
    stop() {
      running = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    runOnce(name) {
      const targets = deps.targets.filter((t) => name === undefined || t.name === name);
      return Promise.all(targets.map(run));
    },
    statuses() {
      return [...status.values()];
    },
  };
}
