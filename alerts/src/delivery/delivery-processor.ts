import type { Logger } from '@stimawatch/core';
import { attemptDelivery } from './attempt-delivery';
import type { DeliveryJob, JobVerdict } from './delivery-job';
import type { DeliveryMetrics } from './delivery-metrics';
import type { DeliveryOutcome, NotificationChannel, Notifier } from './notification';

export interface DeliveryProcessorDeps {
  notifiers: Partial<Record<NotificationChannel, Notifier>>;
  metrics: DeliveryMetrics;
  logger: Logger;
  onOutcome(outcome: DeliveryOutcome): Promise<void>;
}

/**
 * Runs one delivery job: send (unless an earlier run already settled it), record the final outcome on the job,
 * dead-letter failures, then report the outcome. A failing report fails the attempt, and the retry only
 * reports again: the provider is never asked twice for a settled notification.
 */
export function createDeliveryProcessor(
  deps: DeliveryProcessorDeps,
): (job: DeliveryJob) => Promise<JobVerdict> {
  return async (job) => {
    const { notification } = job;
    const log = deps.logger.child({
      jobId: job.id,
      incidentId: notification.incidentId,
      channel: notification.channel,
      purpose: notification.purpose,
      attempt: job.attempt,
    });
    let outcome = job.settled;
    if (outcome === undefined) {
      const result = await attemptDelivery(deps.notifiers, notification, job);
      if (result.status === 'retry') {
        deps.metrics.count(notification.channel, 'retried');
        log.warn(
          { reason: result.reason, maxAttempts: job.maxAttempts },
          'notification attempt failed; will retry',
        );
        return { kind: 'retry', reason: result.reason };
      }
      outcome = result;
      await job.settle(outcome);
      deps.metrics.count(notification.channel, outcome.status === 'delivered' ? 'delivered' : 'failed');
      if (outcome.status === 'failed') {
        await job.deadLetter(outcome);
        log.error(
          { reason: outcome.reason, permanent: outcome.permanent },
          'notification failed; dead-lettered',
        );
      } else {
        log.info({ providerMessageId: outcome.providerMessageId }, 'notification delivered');
      }
    }
    try {
      await deps.onOutcome(outcome);
    } catch (error) {
      log.error({ err: error }, 'reporting the notification outcome failed; the report will be retried');
      throw error;
    }
    return outcome.status === 'delivered' ? { kind: 'done' } : { kind: 'give-up', reason: outcome.reason };
  };
}
