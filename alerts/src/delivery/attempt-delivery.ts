import { maskPersonalNumbers } from '@stimawatch/core';
import type { DeliveryOutcome, Notification, NotificationChannel, Notifier } from './notification';
import { NotifierError } from './notifier-error';

/** What one attempt decided: a final outcome, or "try again later" with the reason. */
export type AttemptResult = DeliveryOutcome | { status: 'retry'; reason: string; attempts: number };

export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Sends one notification once and classifies the result. Permanent provider errors and a missing notifier are
 * final at once; anything else (transient provider errors, unexpected exceptions) is retried until the
 * attempts run out.
 */
export async function attemptDelivery(
  notifiers: Partial<Record<NotificationChannel, Notifier>>,
  notification: Notification,
  { attempt, maxAttempts }: AttemptContext,
): Promise<AttemptResult> {
  const notifier = notifiers[notification.channel];
  if (notifier === undefined) {
    return {
      status: 'failed',
      notification,
      reason: `no ${notification.channel} notifier is configured`,
      permanent: true,
      attempts: attempt,
    };
  }
  try {
    const { providerMessageId } = await notifier.send(notification);
    return providerMessageId === undefined
      ? { status: 'delivered', notification, attempts: attempt }
      : { status: 'delivered', notification, providerMessageId, attempts: attempt };
  } catch (error) {
    const reason = describeFailure(notification.channel, error);
    if (error instanceof NotifierError && error.permanent) {
      return { status: 'failed', notification, reason, permanent: true, attempts: attempt };
    }
    if (attempt >= maxAttempts) {
      return {
        status: 'failed',
        notification,
        reason: `${reason} (gave up after ${attempt} attempts)`,
        permanent: false,
        attempts: attempt,
      };
    }
    return { status: 'retry', reason, attempts: attempt };
  }
}

/** The reason goes to logs, metrics-adjacent alerts and the incident timeline: provider text may echo numbers. */
function describeFailure(channel: NotificationChannel, error: unknown): string {
  if (error instanceof NotifierError) return maskPersonalNumbers(error.message);
  const message = error instanceof Error ? error.message : String(error);
  return maskPersonalNumbers(`${channel} notifier failed unexpectedly: ${message}`);
}
