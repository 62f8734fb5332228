import type { LiveSnapshot, Logger } from '@stimawatch/core';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { BatchParser } from '../ingest/batch-parser';
import type { IngestService } from '../ingest/ingest-service';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import { createErrorHandler } from './http-errors';
import { registerLiveRoutes } from './live-routes';
import { registerMpesaRoutes } from './mpesa-routes';
import { type Readiness, registerOpsRoutes } from './ops-routes';
import { registerVendEventsRoute } from './vend-events-route';

/** Mounts extra routes (for example the social module's) on the collector's app. */
export type RouteRegistrar = (app: Hono) => void;

export interface CollectorAppDeps {
  ingestTokens: ReadonlyMap<string, string>;
  mpesaCallbackSecret: string;
  maxBodyBytes: number;
  maxBatchEvents: number;
  ingest: IngestService;
  /** Reads `/v1/vend-events` bodies (large ones off the request thread). */
  parser: BatchParser;
  metrics: CollectorMetrics;
  registry: Registry;
  readiness: Readiness;
  liveSnapshot: () => LiveSnapshot;
  logger: Logger;
  now?: () => number;
  liveIntervalMs?: number;
  shutdownSignal?: AbortSignal;
  /** Extra route registrars, mounted after the collector's own routes. */
  routes?: readonly RouteRegistrar[];
}

/** The collector's HTTP surface as a Hono app (tests drive it in-process with `app.request()`). */
export function createCollectorApp(deps: CollectorAppDeps): Hono {
  const now = deps.now ?? Date.now;
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger));
  app.notFound((c) =>
    c.json({ error: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` }, 404),
  );
  registerOpsRoutes(app, { registry: deps.registry, readiness: deps.readiness });
  registerVendEventsRoute(app, {
    ingestTokens: deps.ingestTokens,
    maxBodyBytes: deps.maxBodyBytes,
    maxBatchEvents: deps.maxBatchEvents,
    ingest: deps.ingest,
    parser: deps.parser,
    metrics: deps.metrics,
    now,
  });
  registerMpesaRoutes(app, {
    callbackSecret: deps.mpesaCallbackSecret,
    maxBodyBytes: deps.maxBodyBytes,
    ingest: deps.ingest,
    metrics: deps.metrics,
    now,
  });
  const liveDeps: Parameters<typeof registerLiveRoutes>[1] = { snapshot: deps.liveSnapshot };
  if (deps.liveIntervalMs !== undefined) liveDeps.intervalMs = deps.liveIntervalMs;
  if (deps.shutdownSignal !== undefined) liveDeps.shutdownSignal = deps.shutdownSignal;
  registerLiveRoutes(app, liveDeps);
  for (const register of deps.routes ?? []) register(app);
  return app;
}
