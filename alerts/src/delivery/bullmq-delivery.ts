import { JOBS, type Logger, PRODUCER_QUEUE_OPTIONS, QUEUES } from '@stimawatch/core';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { DeadLetter, DeliveryJob, DeliveryJobData, JobVerdict } from './delivery-job';
import type { Notification } from './notification';

/** The queue every undelivered notification ends in, for operators to inspect or replay. */
export const DEAD_LETTER_QUEUE = `${QUEUES.notifications}-dead`;
const DEAD_LETTER_JOB = 'dead-letter';

export interface BullmqDeliveryOptions {
  connection: string;
  prefix: string;
  attempts: number;
  backoffMs: number;
  concurrency: number;
  /** How long a finished job (and so its key) is kept: the idempotency window. */
  keepJobsSeconds: number;
  logger: Logger;
  process(job: DeliveryJob): Promise<JobVerdict>;
}

export interface BullmqDelivery {
  enqueue(notification: Notification): Promise<void>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  deadLetterCount(): Promise<number>;
  close(): Promise<void>;
}

/** The notification queue, its worker and the dead-letter queue: the only file that knows BullMQ. */
export function createBullmqDelivery(options: BullmqDeliveryOptions): BullmqDelivery {
  const { connection: url, prefix, logger } = options;
  // Producers keep ioredis' finite retries so an enqueue fails fast; the worker's blocking connection needs null.
  const producerOptions = { connection: { url }, prefix, ...PRODUCER_QUEUE_OPTIONS };
  const queue = new Queue<DeliveryJobData>(QUEUES.notifications, producerOptions);
  const deadQueue = new Queue<DeadLetter>(DEAD_LETTER_QUEUE, producerOptions);
  for (const emitter of [queue, deadQueue]) {
    emitter.on('error', (error) => logger.error({ err: error }, 'notification queue connection error'));
  }

  const worker = new Worker<DeliveryJobData>(
    QUEUES.notifications,
    async (job) => {
      const verdict = await options.process(toDeliveryJob(job, deadQueue));
      if (verdict.kind === 'retry') throw new Error(verdict.reason);
      if (verdict.kind === 'give-up') throw new UnrecoverableError(verdict.reason);
    },
    {
      connection: { url, maxRetriesPerRequest: null },
      prefix,
      concurrency: options.concurrency,
    },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'notification worker error'));

  return {
    async enqueue(notification) {
      await queue.add(
        JOBS.deliverNotification,
        { notification },
        {
          jobId: notification.key,
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: options.backoffMs },
          removeOnComplete: { age: options.keepJobsSeconds },
          removeOnFail: { age: options.keepJobsSeconds },
        },
      );
    },
    async deadLetters(limit = 100) {
      const jobs = await deadQueue.getJobs(['waiting'], 0, limit - 1);
      return jobs.map((job) => job.data as DeadLetter);
    },
    deadLetterCount() {
      return deadQueue.getWaitingCount();
    },
    async close() {
      // Worker first: it finishes the jobs in hand, then nothing uses the queues any more.
      await worker.close();
      await Promise.all([queue.close(), deadQueue.close()]);
    },
  };
}

function toDeliveryJob(job: Job<DeliveryJobData>, deadQueue: Queue<DeadLetter>): DeliveryJob {
  const id = job.id ?? job.data.notification.key;
  return {
    id,
    notification: job.data.notification,
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
    settled: job.data.settled,
    async settle(outcome) {
      await job.updateData({ ...job.data, settled: outcome });
    },
    async deadLetter(outcome) {
      const letter: DeadLetter = {
        notification: outcome.notification,
        reason: outcome.reason,
        permanent: outcome.permanent,
        attempts: outcome.attempts,
        failedAt: new Date().toISOString(),
      };
      // Same id as the notification: a re-run after a crash does not file the letter twice. No worker takes
      // these jobs; they wait for an operator.
      await deadQueue.add(DEAD_LETTER_JOB, letter, { jobId: id });
    },
  };
}
