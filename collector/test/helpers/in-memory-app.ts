import { createLogger, StimaError, type VendEvent } from '@stimawatch/core';
import { Registry } from 'prom-client';
import { createCollectorApp } from '../../src/http/collector-app';
import { createBatchParser } from '../../src/ingest/batch-parser';
import { createIngestService } from '../../src/ingest/ingest-service';
import { createLiveAggregator } from '../../src/live/live-aggregator';
import { createCollectorMetrics } from '../../src/metrics/collector-metrics';

export const INGEST_TOKEN = 'vending-token-0123456789';
export const CALLBACK_SECRET = 'cb-secret-0123456789';

/**
 * The collector's app over an in-memory tracker (dedupe by attempt+stage+outcome), for tests of the HTTP
 * contract that do not need Redis. `full` makes the tracker refuse like a full backlog.
 */
export function createInMemoryApp(
  options: { maxBodyBytes?: number; maxBatchEvents?: number; parseWorkerMinBytes?: number } = {},
) {
  const registry = new Registry();
  const metrics = createCollectorMetrics(registry, ['vending']);
  const seen = new Set<string>();
  const state = { ready: true, full: false, tracked: [] as VendEvent[] };
  const tracker = {
    async track(events: readonly VendEvent[]) {
      if (state.full) throw new StimaError('UNAVAILABLE', 'backlog full', { reason: 'backlog_full' });
      state.tracked.push(...events);
      return events.map((event) => {
        const key = `${event.attemptId}|${event.stage}|${event.outcome}`;
        const fresh = !seen.has(key);
        seen.add(key);
        return fresh;
      });
    },
  };
  const now = () => Date.parse('2026-03-02T10:00:00Z');
  const live = createLiveAggregator({ now });
  // Bodies stay on the test's thread unless a test asks for the worker.
  const parser = createBatchParser({
    workerMinBytes: options.parseWorkerMinBytes ?? Number.POSITIVE_INFINITY,
    logger: createLogger('test', 'silent'),
  });
  const app = createCollectorApp({
    ingestTokens: new Map([[INGEST_TOKEN, 'vending']]),
    mpesaCallbackSecret: CALLBACK_SECRET,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    maxBatchEvents: options.maxBatchEvents ?? 100,
    ingest: createIngestService({ tracker, metrics, sink: live, now }),
    parser,
    metrics,
    registry,
    readiness: {
      isReady: () => state.ready,
      get backlogSize() {
        return 0;
      },
    },
    liveSnapshot: () => live.snapshot({ paymentsWithoutToken: null, probes: [], redisUp: state.ready }),
    logger: createLogger('test', 'silent'),
    now,
  });
  return { app, registry, state, parser };
}

/** The value of one sample in a Prometheus text exposition (0 when absent). */
export async function sampleValue(registry: Registry, series: string): Promise<number> {
  const text = await registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

export function vendRequest(body: string, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', ...headers },
  };
}
