import { randomUUID } from 'node:crypto';
import { createLogger } from '@stimawatch/core';
import type { DeliveryOutcome, Notification } from '../src/delivery';

export const testLogger = createLogger('delivery-test', 'silent');

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    key: `inc-1-page-${randomUUID().slice(0, 8)}`,
    incidentId: 'inc-1',
    purpose: 'page',
    channel: 'sms',
    to: '+254711000001',
    recipient: 'alice',
    subject: 'VendFailureBurnRate',
    text: 'Token vend failures burning the error budget 14x on mpesa_c2b',
    ackUrl: 'https://stimawatch.example/ack/inc-1?sig=abc',
    ...overrides,
  };
}

/** Collects outcomes and lets a test wait for them without sleeping. */
export function outcomeRecorder() {
  const outcomes: DeliveryOutcome[] = [];
  return {
    outcomes,
    async onOutcome(outcome: DeliveryOutcome) {
      outcomes.push(outcome);
    },
    forKey(key: string) {
      return outcomes.filter((o) => o.notification.key === key);
    },
    waitForKey(key: string, timeoutMs = 10_000) {
      return waitUntil(
        () => outcomes.find((o) => o.notification.key === key),
        timeoutMs,
        `outcome for ${key}`,
      );
    },
  };
}

/** Polls `probe` until it returns a value, failing after `timeoutMs`. */
export async function waitUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
