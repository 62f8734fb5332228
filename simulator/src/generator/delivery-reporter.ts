import type { Logger } from '@stimawatch/core';
import type { Random } from '../random/seeded-random';
import type { CollectorClient, DeliveryResult } from './collector-client';
import type { DarajaDelivery, DeliveryQueue, VendBatch } from './delivery-queue';

const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 30 s, each scaled by 50–100 %. */
export function retryDelayMs(attempts: number, random: Random): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts) * random.uniform(0.5, 1);
}

/**
 * Sends what the queue hands out and settles the outcome: delivered, retried with backoff, or (non-retryable
 * rejection, a bug on our side) logged as an error and counted. Logs only routes, statuses and counts.
 */
export function createDeliveryReporter(deps: { queue: DeliveryQueue; random: Random; logger: Logger }) {
  const { queue, random, logger } = deps;
  const counts = { darajaSent: 0, vendEventsSent: 0, vendBatchesSent: 0, retries: 0, rejectedByCollector: 0 };
  let failing = 0;

  function noteSuccess(): void {
    if (failing > 0) logger.info({ failedRequests: failing }, 'collector reachable again');
    failing = 0;
  }

  function noteRetry(result: Extract<DeliveryResult, { ok: false }>, what: string): void {
    counts.retries++;
    if (failing === 0)
      logger.warn(
        { what, status: result.status, reason: result.reason },
        'collector request failed, retrying',
      );
    failing++;
  }

  return {
    counts: () => ({ ...counts }),

    async sendDaraja(client: CollectorClient, delivery: DarajaDelivery, now: number): Promise<void> {
      const result = await client.sendDaraja(delivery.route, delivery.body);
      if (result.ok) {
        counts.darajaSent++;
        queue.darajaDelivered(delivery);
        noteSuccess();
      } else if (result.retryable) {
        queue.darajaRetryAt(delivery, now + retryDelayMs(delivery.attempts, random));
        noteRetry(result, delivery.route);
      } else {
        counts.rejectedByCollector++;
        queue.darajaDelivered(delivery);
        logger.error(
          { route: delivery.route, attemptId: delivery.attemptId, status: result.status },
          'collector rejected a Daraja callback',
        );
      }
    },

    async sendVendBatch(client: CollectorClient, batch: VendBatch, now: number): Promise<void> {
      const result = await client.sendVendEvents(batch.events);
      if (result.ok) {
        counts.vendBatchesSent++;
        counts.vendEventsSent += batch.events.length;
        noteSuccess();
      } else if (result.retryable) {
        queue.vendRetryAt(batch, now + retryDelayMs(batch.attempts, random));
        noteRetry(result, 'vend-events');
      } else {
        counts.rejectedByCollector += batch.events.length;
        logger.error(
          { events: batch.events.length, status: result.status },
          'collector rejected a vend-event batch',
        );
      }
    },
  };
}
