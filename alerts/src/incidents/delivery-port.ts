import type { DeliveryOutcome, Notification } from '../delivery/notification';

/**
 * What the incident engine needs from notification delivery (`alerts/src/delivery`): a durable enqueue that
 * delivers each key at most once, with retries. Outcomes come back through the `onOutcome` callback given to
 * the delivery factory.
 */
export interface Delivery {
  enqueue(notification: Notification): Promise<void>;
  close(): Promise<void>;
}

export type DeliveryOutcomeHandler = (outcome: DeliveryOutcome) => Promise<void>;

/** Builds the delivery once the engine exists, so the engine can receive its outcomes. */
export type DeliveryFactory = (onOutcome: DeliveryOutcomeHandler) => Delivery;
