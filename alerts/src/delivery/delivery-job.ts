import type { DeliveryOutcome, Notification } from './notification';

export type FailedOutcome = Extract<DeliveryOutcome, { status: 'failed' }>;

/** What the queue stores per notification; `settled` is written once the provider has answered for good. */
export interface DeliveryJobData {
  notification: Notification;
  settled?: DeliveryOutcome;
}

/** A notification that was not delivered, kept in the dead-letter queue for operators. */
export interface DeadLetter {
  notification: Notification;
  reason: string;
  permanent: boolean;
  attempts: number;
  failedAt: string;
}

/** One run of a delivery job as the processor sees it: no queue-library types leak past the adapter. */
export interface DeliveryJob {
  id: string;
  notification: Notification;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  settled: DeliveryOutcome | undefined;
  /** Persists the final outcome on the job, so a re-run (after a crash or a failed report) never re-sends. */
  settle(outcome: DeliveryOutcome): Promise<void>;
  deadLetter(outcome: FailedOutcome): Promise<void>;
}

/** `done`: complete the job; `retry`: fail this attempt (the queue backs off); `give-up`: fail, no retry. */
export type JobVerdict =
  | { kind: 'done' }
  | { kind: 'retry'; reason: string }
  | { kind: 'give-up'; reason: string };
