import {
  JOBS,
  type Logger,
  PRODUCER_QUEUE_OPTIONS,
  QUEUES,
  StimaError,
  throttledErrorLog,
} from '@stimawatch/core';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type CommsSilenceJob,
  commsSilenceJobId,
  type EscalationJob,
  escalationJobId,
  type IncidentTimers,
} from '../incidents/incident-timers';

/** The only file that imports bullmq and ioredis: escalation and comms-silence timers as delayed jobs. */
export interface BullmqTimersOptions {
  redisUrl: string;
  /** BullMQ key prefix (REDIS_KEY_PREFIX). */
  prefix: string;
  logger: Logger;
  handlers: {
    escalate(job: EscalationJob): Promise<unknown>;
    commsNudge(job: CommsSilenceJob): Promise<unknown>;
  };
  /** Producer calls fail after this long without Redis, so a webhook can answer 503 quickly. */
  commandTimeoutMs?: number;
  /** Whether this process also runs the workers (false: producer only, e.g. benchmarks). */
  runWorkers?: boolean;
  /** How long `close()` waits for running jobs before abandoning them to another worker. */
  closeTimeoutMs?: number;
}

export interface BullmqTimers extends IncidentTimers {
  /** Resolves when Redis answers; for readiness checks. */
  ping(): Promise<void>;
  /** Ids of jobs not finished yet (delayed, waiting or running), both queues. */
  pending(): Promise<string[]>;
  close(): Promise<void>;
}

const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Finished jobs are kept for a while so a re-scheduled step with the same id stays a no-op.
  removeOnComplete: { count: 5000 },
  removeOnFail: { count: 5000 },
} as const;

export function createBullmqTimers(options: BullmqTimersOptions): BullmqTimers {
  const { logger } = options;
  const timeoutMs = options.commandTimeoutMs ?? 2000;
  const quietErrors = throttledErrorLog(
    logger,
    'Redis error (timers); repeats are logged at most every 30 s',
    30_000,
  );
  // Producer commands must fail fast (a webhook is waiting); the worker connection blocks and retries forever.
  const producer = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  producer.on('error', quietErrors);
  const escalations = new Queue<EscalationJob>(QUEUES.escalations, {
    connection: producer,
    prefix: options.prefix,
    ...PRODUCER_QUEUE_OPTIONS,
  });
  const comms = new Queue<CommsSilenceJob>(QUEUES.commsSilence, {
    connection: producer,
    prefix: options.prefix,
    ...PRODUCER_QUEUE_OPTIONS,
  });
  for (const queue of [escalations, comms]) queue.on('error', quietErrors);

  const workerConnection =
    options.runWorkers === false ? undefined : new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  workerConnection?.on('error', quietErrors);
  const workers = workerConnection
    ? [
        new Worker<EscalationJob>(
          QUEUES.escalations,
          (job: Job<EscalationJob>) => options.handlers.escalate(job.data),
          {
            connection: workerConnection,
            prefix: options.prefix,
            concurrency: 4,
          },
        ),
        new Worker<CommsSilenceJob>(
          QUEUES.commsSilence,
          (job: Job<CommsSilenceJob>) => options.handlers.commsNudge(job.data),
          {
            connection: workerConnection,
            prefix: options.prefix,
            concurrency: 4,
          },
        ),
      ]
    : [];
  for (const worker of workers) {
    worker.on('error', quietErrors);
    worker.on('completed', (job, result) => {
      logger.debug({ jobId: job.id, result }, 'timer job done');
    });
    worker.on('failed', (job, error) => {
      logger.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, 'timer job failed');
    });
  }

  // Waits for a (re)connecting Redis only up to the deadline, then fails so the caller can answer 503.
  async function call<T>(what: string, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StimaError('UNAVAILABLE', `Redis did not answer within ${timeoutMs} ms (${what})`)),
        timeoutMs,
      );
    });
    try {
      if (producer.status !== 'ready') {
        const connected = new Promise<void>((resolve) => {
          onReady = resolve;
          producer.once('ready', resolve);
        });
        await Promise.race([connected, deadline]);
      }
      return await Promise.race([work(), deadline]);
    } finally {
      clearTimeout(timer);
      if (onReady) producer.off('ready', onReady);
    }
  }

  return {
    async scheduleEscalation(job, delayMs) {
      await call('schedule escalation', () =>
        escalations.add(JOBS.escalate, job, {
          ...JOB_OPTIONS,
          jobId: escalationJobId(job),
          delay: Math.round(delayMs),
        }),
      );
    },
    async cancelEscalation(job) {
      return (await call('cancel escalation', () => escalations.remove(escalationJobId(job)))) === 1;
    },
    async scheduleCommsNudge(job, delayMs) {
      await call('schedule comms nudge', () =>
        comms.add(JOBS.commsNudge, job, {
          ...JOB_OPTIONS,
          jobId: commsSilenceJobId(job),
          delay: Math.round(delayMs),
        }),
      );
    },
    async cancelCommsNudge(job) {
      return (await call('cancel comms nudge', () => comms.remove(commsSilenceJobId(job)))) === 1;
    },
    async ping() {
      await call('ping', () => producer.ping());
    },
    async pending() {
      const states = ['delayed', 'waiting', 'active', 'prioritized'] as const;
      const jobs = await call('list jobs', async () => [
        ...(await escalations.getJobs([...states])),
        ...(await comms.getJobs([...states])),
      ]);
      return jobs.flatMap((job) => (job?.id === undefined ? [] : [job.id]));
    },
    async close() {
      // worker.close() waits for running jobs without a deadline, and every close waits for Redis: bound both,
      // so a shutdown during a Redis outage still ends (unfinished jobs are retried by another worker).
      const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
      const bounded = async (what: string, work: () => Promise<unknown>) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), closeTimeoutMs);
        });
        const outcome = await Promise.race([work().catch((error: unknown) => error), late]);
        clearTimeout(timer);
        if (outcome !== undefined && !Array.isArray(outcome)) {
          logger.warn(
            { err: outcome === 'late' ? undefined : outcome, what },
            'timer shutdown step did not finish cleanly',
          );
        }
      };
      await bounded('workers', () => Promise.all(workers.map((worker) => worker.close())));
      await bounded('queues', () => Promise.all([escalations.close(), comms.close()]));
      workerConnection?.disconnect();
      producer.disconnect();
    },
  };
}

/** Redis errors repeat every reconnect attempt; log the first and then at most one every 30 s. */
