import { METRICS } from '@stimawatch/core';
import { Counter, type Registry } from 'prom-client';
import type { NotificationChannel } from './notification';

export const NOTIFICATION_OUTCOMES = ['delivered', 'retried', 'failed'] as const;
export type NotificationOutcomeLabel = (typeof NOTIFICATION_OUTCOMES)[number];

export interface DeliveryMetrics {
  count(channel: NotificationChannel, outcome: NotificationOutcomeLabel): void;
}

/** `stimawatch_notifications_total{channel,outcome}` on the injected registry (reused if already there). */
export function createDeliveryMetrics(registry: Registry): DeliveryMetrics {
  const existing = registry.getSingleMetric(METRICS.notificationsTotal);
  const counter =
    existing instanceof Counter
      ? (existing as Counter<'channel' | 'outcome'>)
      : new Counter({
          name: METRICS.notificationsTotal,
          help: 'Notifications by channel and outcome: delivered, retried (a transient failure that will be retried) or failed (final).',
          labelNames: ['channel', 'outcome'] as const,
          registers: [registry],
        });
  return {
    count(channel, outcome) {
      counter.inc({ channel, outcome });
    },
  };
}
