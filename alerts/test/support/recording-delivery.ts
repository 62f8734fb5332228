import type { Notification } from '../../src/delivery/notification';
import type { Delivery } from '../../src/incidents/delivery-port';

/** Stands in for notification delivery: records each key once, as the real queue dedupes on it. */
export interface RecordingDelivery extends Delivery {
  sent: Notification[];
  /** Makes the next enqueues fail (a broken queue). */
  failWith?: Error;
}

export function recordingDelivery(): RecordingDelivery {
  const keys = new Set<string>();
  const delivery: RecordingDelivery = {
    sent: [],
    async enqueue(notification) {
      if (delivery.failWith) throw delivery.failWith;
      if (keys.has(notification.key)) return;
      keys.add(notification.key);
      delivery.sent.push(notification);
    },
    async close() {},
  };
  return delivery;
}
