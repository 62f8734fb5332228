import { type Logger, StimaError } from '@stimawatch/core';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { createBullmqDelivery } from './bullmq-delivery';
import type { DeadLetter } from './delivery-job';
import { createDeliveryMetrics } from './delivery-metrics';
import { createDeliveryProcessor } from './delivery-processor';
import type { DeliveryOutcome, Notification, NotificationChannel, Notifier } from './notification';
import { parseNotification } from './notification-schema';

export interface DeliveryOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  connection: string;
  /** BullMQ key prefix (one per deployment, one per test). */
  prefix: string;
  notifiers: Partial<Record<NotificationChannel, Notifier>>;
  registry: Registry;
  logger: Logger;
  /**
   * Called once per notification with its final outcome (delivered, or failed permanent/exhausted). At least
   * once: after a crash at the wrong moment it may be called again, so dedupe on `outcome.notification.key`.
   */
  onOutcome(outcome: DeliveryOutcome): Promise<void>;
  /** Attempts per notification including the first (default 5). */
  attempts?: number;
  /** First retry delay; doubles on each retry (default 2000 ms: 2 s, 4 s, 8 s, 16 s). */
  backoffMs?: number;
  /** Notifications sent in parallel by this worker (default 4). */
  concurrency?: number;
  /** How long a key is remembered after its notification finished (default 7 days). */
  keepJobsSeconds?: number;
}

export interface Delivery {
  /** Queues a notification; a key already queued or delivered within the window is ignored. */
  enqueue(notification: Notification): Promise<void>;
  /** Notifications that were not delivered (up to `limit`, default 100). */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  deadLetterCount(): Promise<number>;
  /** Stops taking jobs, waits for the ones in hand, then closes the queues. */
  close(): Promise<void>;
}

const optionsSchema = z.object({
  connection: z.string().regex(/^rediss?:\/\//, 'connection must be a redis:// or rediss:// URL'),
  prefix: z.string().min(1, 'prefix must not be empty'),
  attempts: z.number().int().min(1).max(50).default(5),
  backoffMs: z.number().int().min(0).default(2000),
  concurrency: z.number().int().min(1).max(256).default(4),
  keepJobsSeconds: z
    .number()
    .int()
    .min(1)
    .default(7 * 24 * 3600),
});

/** Creates the notification queue and its worker; options are validated here, not on the first job. */
export function createDelivery(options: DeliveryOptions): Delivery {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new StimaError('CONFIG', `invalid delivery options: ${problems}`);
  }
  const settings = parsed.data;
  const logger = options.logger.child({ module: 'delivery' });
  const process = createDeliveryProcessor({
    notifiers: options.notifiers,
    metrics: createDeliveryMetrics(options.registry),
    logger,
    onOutcome: options.onOutcome,
  });
  const queue = createBullmqDelivery({ ...settings, logger, process });
  let closing: Promise<void> | undefined;

  return {
    async enqueue(notification) {
      const valid = parseNotification(notification);
      if ('error' in valid) {
        throw new StimaError('VALIDATION', `invalid notification: ${valid.error}`, {
          incidentId: notification.incidentId,
        });
      }
      await queue.enqueue(valid);
    },
    deadLetters: (limit) => queue.deadLetters(limit),
    deadLetterCount: () => queue.deadLetterCount(),
    close() {
      closing ??= queue.close();
      return closing;
    },
  };
}
