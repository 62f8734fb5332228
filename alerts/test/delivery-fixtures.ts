import { randomUUID } from 'node:crypto';
import { createLogger } from '@stimawatch/core';
import { waitFor } from '@stimawatch/core/testing';
import { expect } from 'vitest';
import { type DeliveryOutcome, type Notification, NotifierError } from '../src/delivery';

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
      return waitFor(`outcome for ${key}`, () => outcomes.find((o) => o.notification.key === key), timeoutMs);
    },
  };
}

/** The {@link NotifierError} a send rejected with; fails the test if it resolved or threw anything else. */
export async function expectNotifierError(promise: Promise<unknown>): Promise<NotifierError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifierError);
  return error as NotifierError;
}
