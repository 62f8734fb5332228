import { randomBytes } from 'node:crypto';
import { type Logger, throttledErrorLog } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { createComplaintCounter } from './counting/complaint-counter';
import { createRepeatFilter } from './counting/repeat-filter';
import { mountFeedRoutes } from './http/feed-routes';
import { createMentionsWebhook } from './http/mentions-webhook';
import { createReportsSource } from './http/reports';
import { socialErrorHandler } from './http/social-http';
import { createSocialJobs } from './jobs/social-jobs';
import type { Classify, MentionSource, PollOutcome } from './mention';
import { createMentionPipeline } from './mention-pipeline';
import type { SocialConfig } from './social-config';
import { socialKeys } from './social-keys';
import { createSocialMetrics } from './social-metrics';
import { createSnapshotReader } from './social-snapshot';
import { createStatementRecorder } from './statements/statement-recorder';
import { createStatementSender } from './statements/statement-sender';
import { createMentionStore } from './storage/mention-store';
import { createXSources } from './x/x-sources';

export interface SocialModuleDeps {
  config: SocialConfig;
  db: SqlClient;
  redisUrl: string;
  /** Prefix of every Redis key of the module and of its BullMQ queue. */
  redisPrefix: string;
  registry: Registry;
  logger: Logger;
  classify: Classify;
  /** token → source, from INGEST_TOKENS: bearer tokens accepted by `POST /v1/mentions`. */
  ingestTokens: ReadonlyMap<string, string>;
  /** Base URL of the alerts service; statements are forwarded to `{url}/v1/statements` when set. */
  alertsServiceUrl?: string;
  statementToken?: string;
  now?: () => number;
}

export interface SocialModule {
  /** Sub-app to mount at '/': POST /v1/mentions, POST /v1/reports, GET /v1/mentions, GET /v1/mentions/summary. */
  routes: Hono;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs a poll in this process now, outside the schedule (tests, benchmarks, operators). */
  pollNow(job: 'mentions' | 'official'): Promise<PollOutcome>;
}

const DAY_MS = 24 * 60 * 60_000;
const PURGE_EVERY_MS = 60 * 60_000;

/** Social listening: X recent search and official timelines, the mentions webhook, self-reports, the feed. */
export function createSocialModule(deps: SocialModuleDeps): SocialModule {
  const { config } = deps;
  const now = deps.now ?? Date.now;
  const log = deps.logger.child({ module: 'social' });
  const keys = socialKeys(deps.redisPrefix);
  const redis = new Redis(deps.redisUrl, {
    maxRetriesPerRequest: 1,
    commandTimeout: 5000,
    lazyConnect: true,
  });
  redis.on('error', throttledErrorLog(log, 'social Redis connection error'));
  const hashSalt = config.hashSalt ?? randomBytes(24).toString('hex');
  if (config.hashSalt === undefined) {
    log.warn('SOCIAL_HASH_SALT is unset: reporter hashes will not match across replicas or restarts');
  }
  const store = createMentionStore(deps.db);
  const counter = createComplaintCounter(redis, keys, { baselineWeeks: config.baselineWeeks, now });
  const x = config.x;
  const xParts =
    x === undefined
      ? undefined
      : createXSources({ config: x, redis, keys, logger: log.child({ source: 'x' }), now });
  const socialMetrics = createSocialMetrics(
    deps.registry,
    createSnapshotReader({ redis, keys, counter, budget: xParts?.budget }),
    log,
  );
  const sink = createMentionPipeline({
    classify: deps.classify,
    store,
    repeats: createRepeatFilter(redis, keys, config.dedupeWindowMs),
    counter,
    postsTotal: socialMetrics.postsTotal,
    hashSalt,
    officialHandles: config.officialHandles,
    logger: log,
    now,
  });
  const jobs = createSocialJobs({
    redisUrl: deps.redisUrl,
    prefix: deps.redisPrefix,
    redis,
    schedulerLockKey: keys.schedulerLock,
    schedulerConfigKey: keys.schedulerConfig,
    intervals: {
      ...(x === undefined
        ? {}
        : { pollMentionsMs: x.pollIntervalMs, pollOfficialTimelineMs: x.officialPollIntervalMs }),
      purgeMentionsMs: PURGE_EVERY_MS,
    },
    handlers: {
      ...(x === undefined
        ? {}
        : { pollMentions: () => pollNow('mentions'), pollOfficialTimeline: () => pollNow('official') }),
      purgeMentions: async () => {
        const purged = await store.purgeBefore(now() - config.retentionDays * DAY_MS);
        if (purged > 0) log.info({ purged, retentionDays: config.retentionDays }, 'old mentions purged');
      },
      ...(deps.alertsServiceUrl === undefined
        ? {}
        : {
            deliverStatement: createStatementSender({
              alertsServiceUrl: deps.alertsServiceUrl,
              statementToken: deps.statementToken,
            }),
          }),
    },
    logger: log,
    now,
  });
  const statements = createStatementRecorder({
    redis,
    keys,
    enqueue: deps.alertsServiceUrl === undefined ? undefined : (delivery) => jobs.enqueueStatement(delivery),
    maxAgeMs: config.statementMaxAgeMs,
    now,
    logger: log,
  });
  const search = xParts?.search({ sink, postsRead: socialMetrics.postsReadTotal });
  const official = xParts?.official({
    sink,
    postsRead: socialMetrics.postsReadTotal,
    classify: deps.classify,
    statements,
  });

  const pushSources: MentionSource[] = [
    createMentionsWebhook({
      ingestTokens: deps.ingestTokens,
      sink,
      retentionMs: config.retentionDays * DAY_MS,
      logger: log,
      now,
    }),
    createReportsSource({
      redis,
      keys,
      sink,
      classify: deps.classify,
      hashSalt,
      ratePerMinute: config.reportRateLimitPerMinute,
      trustProxy: config.trustProxy,
      logger: log,
      now,
    }),
  ];
  const pollNow = async (job: 'mentions' | 'official'): Promise<PollOutcome> => {
    const source = job === 'mentions' ? search : official;
    return source === undefined ? {} : source.poll();
  };
  const routes = new Hono();
  routes.onError(socialErrorHandler(log));
  for (const source of pushSources) source.mount?.(routes);
  mountFeedRoutes(routes, {
    db: deps.db,
    feedToken: config.feedToken,
    baselineWeeks: config.baselineWeeks,
    now,
  });

  return {
    routes,
    async start() {
      if (redis.status === 'wait') await redis.connect();
      await store.migrate();
      await counter.markHistoryStart();
      await jobs.start();
      log.info(
        { x: x !== undefined, statements: deps.alertsServiceUrl !== undefined },
        'social listening started',
      );
    },
    async stop() {
      await jobs.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
    pollNow,
  };
}
