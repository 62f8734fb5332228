import { once } from 'node:events';
import type { LiveSnapshot } from '@stimawatch/core';
import { createLogger, type Logger } from '@stimawatch/core';
import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { CollectorConfig } from './config/collector-config';
import { createCollectorApp, type RouteRegistrar } from './http/collector-app';
import { createBatchParser, DEFAULT_WORKER_MIN_BYTES } from './ingest/batch-parser';
import { createIngestService, type IngestService } from './ingest/ingest-service';
import { createLiveAggregator, type LiveAggregator } from './live/live-aggregator';
import { createLiveHistoryRefresher } from './live/live-history';
import { type CollectorMetrics, createCollectorMetrics } from './metrics/collector-metrics';
import { createSyntheticProbe, type SyntheticProbe } from './probe/synthetic-probe';
import { AttemptTracker, type AttemptTrackerOptions } from './tracking/attempt-tracker';
import { createRedisConnection } from './tracking/redis-connection';

/** What an extension (such as the social module) gets from the collector it is mounted on. */
export interface CollectorContext {
  config: CollectorConfig;
  registry: Registry;
  redis: Redis;
  logger: Logger;
}

/** Extra routes plus start/stop hooks, run with the collector's lifecycle. */
export interface CollectorExtension {
  name: string;
  routes?: RouteRegistrar;
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export type CollectorExtensionFactory = (
  context: CollectorContext,
) => CollectorExtension | Promise<CollectorExtension>;

export interface CollectorOptions {
  logger?: Logger;
  registry?: Registry;
  /** An existing connection (kept open on stop); otherwise one is made from `REDIS_URL` and closed on stop. */
  redis?: Redis;
  now?: () => number;
  extensions?: readonly CollectorExtensionFactory[];
  /** Process metrics (event loop, heap, GC) on the registry; default true. */
  defaultMetrics?: boolean;
  /** Paid-without-token gauge and Redis health refresh (default 1000 ms). */
  refreshIntervalMs?: number;
  liveHistoryIntervalMs?: number;
  liveIntervalMs?: number;
  /** How long start() waits for Redis before serving without it (fail open; default 5000 ms). */
  redisWaitMs?: number;
  /** Vend-event bodies of at least this many bytes are parsed on a worker thread (default 16 KiB). */
  parseWorkerMinBytes?: number;
}

export interface Collector {
  app: Hono;
  config: CollectorConfig;
  registry: Registry;
  metrics: CollectorMetrics;
  redis: Redis;
  tracker: AttemptTracker;
  ingest: IngestService;
  live: LiveAggregator;
  probe: SyntheticProbe;
  liveSnapshot(): LiveSnapshot;
  start(): Promise<void>;
  /** Ends live (server-sent event) streams so an HTTP server can close. */
  endStreams(): void;
  /** Ends live streams, stops timers and extensions, replays what it can, closes its Redis connection. */
  stop(): Promise<void>;
}

/** Wires the collector's parts from its configuration; no listening socket (see startCollector). */
export async function createCollector(
  config: CollectorConfig,
  options: CollectorOptions = {},
): Promise<Collector> {
  const logger = options.logger ?? createLogger('collector', config.logLevel);
  const now = options.now ?? Date.now;
  const registry = options.registry ?? new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const metrics = createCollectorMetrics(registry, [...new Set(config.ingestTokens.values())]);
  const ownsRedis = options.redis === undefined;
  const redis =
    options.redis ??
    createRedisConnection({
      url: config.redisUrl,
      commandTimeoutMs: config.redisCommandTimeoutMs,
      logger: logger.child({ module: 'redis' }),
    });
  const trackerOptions: AttemptTrackerOptions = {
    redis,
    keyPrefix: `${config.redisKeyPrefix}:collector`,
    attemptTtlSeconds: config.attemptTtlSeconds,
    paymentTokenWaitSeconds: config.paymentTokenWaitSeconds,
    backlogCapacity: config.trackingBacklogMaxEvents,
    metrics,
    logger: logger.child({ module: 'attempt-tracker' }),
    now,
  };
  if (options.refreshIntervalMs !== undefined) trackerOptions.refreshIntervalMs = options.refreshIntervalMs;
  const tracker = new AttemptTracker(trackerOptions);
  const live = createLiveAggregator({ now });
  const history = createLiveHistoryRefresher({
    redis,
    keyPrefix: trackerOptions.keyPrefix,
    aggregator: live,
    isReady: () => tracker.isReady(),
    logger: logger.child({ module: 'live-history' }),
    intervalMs: options.liveHistoryIntervalMs ?? 5000,
  });
  const probe = createSyntheticProbe({
    targets: config.probeTargets,
    metrics,
    logger: logger.child({ module: 'probe' }),
    now,
  });
  const ingest = createIngestService({ tracker, metrics, sink: live, now });
  const parser = createBatchParser({
    workerMinBytes: options.parseWorkerMinBytes ?? DEFAULT_WORKER_MIN_BYTES,
    logger: logger.child({ module: 'parse-worker' }),
  });
  const liveSnapshot = () =>
    live.snapshot({
      paymentsWithoutToken: tracker.lastPaymentsWithoutToken ?? null,
      probes: probe.statuses(),
      redisUp: tracker.isReady(),
    });

  const context: CollectorContext = { config, registry, redis, logger };
  const extensions: CollectorExtension[] = [];
  for (const factory of options.extensions ?? []) extensions.push(await factory(context));

  const shutdown = new AbortController();
  const appDeps: Parameters<typeof createCollectorApp>[0] = {
    ingestTokens: config.ingestTokens,
    mpesaCallbackSecret: config.mpesaCallbackSecret,
    maxBodyBytes: config.maxBodyBytes,
    maxBatchEvents: config.maxBatchEvents,
    ingest,
    parser,
    metrics,
    registry,
    readiness: tracker,
    liveSnapshot,
    logger: logger.child({ module: 'http' }),
    now,
    shutdownSignal: shutdown.signal,
    routes: extensions.flatMap((extension) => (extension.routes ? [extension.routes] : [])),
  };
  if (options.liveIntervalMs !== undefined) appDeps.liveIntervalMs = options.liveIntervalMs;
  const app = createCollectorApp(appDeps);

  return {
    app,
    config,
    registry,
    metrics,
    redis,
    tracker,
    ingest,
    live,
    probe,
    liveSnapshot,
    async start() {
      if (!(await waitUntilReady(redis, options.redisWaitMs ?? 5000))) {
        logger.warn('starting without Redis: events are counted and kept in memory until it answers');
      }
      tracker.start();
      history.start();
      probe.start();
      for (const extension of extensions) await extension.start?.();
    },
    endStreams() {
      shutdown.abort();
    },
    async stop() {
      shutdown.abort();
      probe.stop();
      history.stop();
      for (const extension of [...extensions].reverse()) {
        try {
          await extension.stop?.();
        } catch (error) {
          logger.error({ err: error, extension: extension.name }, 'extension failed to stop');
        }
      }
      await parser.close();
      await tracker.stop();
      if (ownsRedis) await closeRedis(redis);
    },
  };
}

async function waitUntilReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}

async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    try {
      await Promise.all([redis.quit(), once(redis, 'end')]);
      return;
    } catch {
      // quit failed (connection dropped meanwhile); disconnect below ends the reconnect loop either way.
    }
  }
  redis.disconnect();
}
