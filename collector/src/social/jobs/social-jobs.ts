import { randomUUID } from 'node:crypto';
import {
  JOBS,
  type Logger,
  PRODUCER_QUEUE_OPTIONS,
  QUEUES,
  StimaError,
  throttledErrorLog,
} from '@stimawatch/core';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { PollOutcome } from '../mention';
import type { StatementDelivery } from '../statements/statement-recorder';

/** The only file in collector/src/social that imports bullmq. */

export const SOCIAL_JOB_NAMES = {
  pollMentions: JOBS.pollMentions,
  pollOfficialTimeline: JOBS.pollOfficialTimeline,
  purgeMentions: 'purge-mentions',
  deliverStatement: 'deliver-statement',
} as const;

type PollJob = 'pollMentions' | 'pollOfficialTimeline';

export interface SocialJobHandlers {
  pollMentions?: () => Promise<PollOutcome>;
  pollOfficialTimeline?: () => Promise<PollOutcome>;
  purgeMentions: () => Promise<void>;
  deliverStatement?: (delivery: StatementDelivery) => Promise<void>;
}

export interface SocialJobsOptions {
  redisUrl: string;
  /** BullMQ key prefix (the deployment's Redis prefix). */
  prefix: string;
  /** The module's own Redis connection, for the scheduler lock. */
  redis: Redis;
  schedulerLockKey: string;
  schedulerConfigKey: string;
  /** Intervals of the job schedulers; a missing poll interval removes that scheduler. */
  intervals: { pollMentionsMs?: number; pollOfficialTimelineMs?: number; purgeMentionsMs: number };
  handlers: SocialJobHandlers;
  logger: Logger;
  now: () => number;
  statementAttempts?: number;
  statementBackoffMs?: number;
}

export interface SocialJobs {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues delivery of a statement; idempotent per post id. */
  enqueueStatement(delivery: StatementDelivery): Promise<void>;
  /** Queues a one-off poll now (or at `atMs`), beside the schedule. */
  runSoon(job: PollJob, atMs?: number): Promise<void>;
}

const SCHEDULER_IDS = {
  pollMentions: 'social-poll-mentions',
  pollOfficialTimeline: 'social-poll-official-timeline',
  purgeMentions: 'social-purge-mentions',
} as const;

const SCHEDULER_LOCK_MS = 10_000;

/**
 * The social module's BullMQ queue (`QUEUES.socialPoll`): job schedulers for the X polls and the retention
 * purge (upserted from this one place, so N replicas poll once), one-off polls after a rate-limit reset, and
 * statement deliveries retried with exponential backoff while the alerts service is away.
 */
export function createSocialJobs(options: SocialJobsOptions): SocialJobs {
  const log = options.logger;
  const queueConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const connectionErrors = throttledErrorLog(log, 'social queue Redis connection error');
  queueConnection.on('error', connectionErrors);
  workerConnection.on('error', connectionErrors);
  const queue = new Queue(QUEUES.socialPoll, {
    connection: queueConnection,
    prefix: options.prefix,
    ...PRODUCER_QUEUE_OPTIONS,
  });
  queue.on('error', (error) => log.error({ err: error }, 'social queue error'));
  let worker: Worker | undefined;

  const runSoon = async (job: PollJob, atMs = options.now()) => {
    const delay = Math.max(0, atMs - options.now());
    await queue.add(
      SOCIAL_JOB_NAMES[job],
      {},
      {
        delay,
        jobId: `${SOCIAL_JOB_NAMES[job]}-at-${Math.ceil(atMs)}`,
        removeOnComplete: true,
        removeOnFail: 50,
      },
    );
  };

  const poll = async (job: PollJob) => {
    const handler = options.handlers[job];
    if (handler === undefined) return;
    const outcome = await handler();
    if (outcome.retryAtMs !== undefined && outcome.retryAtMs > options.now())
      await runSoon(job, outcome.retryAtMs);
  };

  const processJob = async (job: Job): Promise<void> => {
    switch (job.name) {
      case SOCIAL_JOB_NAMES.pollMentions:
        return poll('pollMentions');
      case SOCIAL_JOB_NAMES.pollOfficialTimeline:
        return poll('pollOfficialTimeline');
      case SOCIAL_JOB_NAMES.purgeMentions:
        return options.handlers.purgeMentions();
      case SOCIAL_JOB_NAMES.deliverStatement: {
        const deliver = options.handlers.deliverStatement;
        if (deliver === undefined) throw new UnrecoverableError('no alerts service configured');
        try {
          return await deliver(job.data as StatementDelivery);
        } catch (error) {
          if (error instanceof StimaError && error.context.permanent === true) {
            throw new UnrecoverableError(error.message);
          }
          throw error;
        }
      }
      default:
        throw new UnrecoverableError(`unknown social job ${job.name}`);
    }
  };

  /** Upserts (or removes) each scheduler only when its settings changed, under a lock across replicas. */
  const upsertSchedulers = async () => {
    const wanted: Record<keyof typeof SCHEDULER_IDS, number | undefined> = {
      pollMentions: options.intervals.pollMentionsMs,
      pollOfficialTimeline: options.intervals.pollOfficialTimelineMs,
      purgeMentions: options.intervals.purgeMentionsMs,
    };
    const owner = randomUUID();
    const deadline = Date.now() + SCHEDULER_LOCK_MS;
    while (
      (await options.redis.set(options.schedulerLockKey, owner, 'PX', SCHEDULER_LOCK_MS, 'NX')) !== 'OK'
    ) {
      if (Date.now() > deadline)
        throw new StimaError('UNAVAILABLE', 'social job scheduler lock not released');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      for (const [job, everyMs] of Object.entries(wanted) as [
        keyof typeof SCHEDULER_IDS,
        number | undefined,
      ][]) {
        const id = SCHEDULER_IDS[job];
        const setting = everyMs === undefined ? 'off' : `every:${everyMs}`;
        const stored = await options.redis.hget(options.schedulerConfigKey, id);
        const exists = (await queue.getJobScheduler(id)) !== undefined;
        if (stored === setting && exists === (everyMs !== undefined)) continue;
        if (everyMs === undefined) {
          await queue.removeJobScheduler(id);
        } else {
          await queue.upsertJobScheduler(
            id,
            { every: everyMs },
            {
              name: SOCIAL_JOB_NAMES[job],
              data: {},
              opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
            },
          );
        }
        await options.redis.hset(options.schedulerConfigKey, id, setting);
        log.info({ scheduler: id, setting }, 'social job scheduler updated');
      }
    } finally {
      if ((await options.redis.get(options.schedulerLockKey)) === owner)
        await options.redis.del(options.schedulerLockKey);
    }
  };

  return {
    async start() {
      await upsertSchedulers();
      worker = new Worker(QUEUES.socialPoll, processJob, {
        connection: workerConnection,
        prefix: options.prefix,
        concurrency: 4,
      });
      worker.on('failed', (job, error) =>
        log.warn(
          { jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err: error.message },
          'social job failed',
        ),
      );
      worker.on('error', (error) => log.error({ err: error }, 'social worker error'));
    },

    async stop() {
      await worker?.close();
      await queue.close();
      for (const connection of [queueConnection, workerConnection]) {
        await connection.quit().catch(() => connection.disconnect());
      }
    },

    async enqueueStatement(delivery) {
      await queue.add(SOCIAL_JOB_NAMES.deliverStatement, delivery, {
        jobId: `statement-${delivery.postId}`,
        attempts: options.statementAttempts ?? 12,
        backoff: { type: 'exponential', delay: options.statementBackoffMs ?? 2000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      });
    },

    runSoon,
  };
}
