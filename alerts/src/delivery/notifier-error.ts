import { type ErrorCode, StimaError } from '@stimawatch/core';
import type { NotificationChannel } from './notification';

export interface NotifierErrorDetails {
  channel: NotificationChannel;
  /** Who answered: "Africa's Talking", 'Slack', 'SMTP', 'webhook ops', … */
  provider: string;
  /** true: retrying cannot help (bad number, rejected payload, bad credentials); false: retry with backoff. */
  permanent: boolean;
  /** The provider's own status or code (HTTP status, AT statusCode, SMTP reply code), when there is one. */
  providerCode?: string | number;
}

/**
 * The one error a notifier throws. Its message is already normalised for humans and the incident timeline:
 * `<provider> <what happened>` (e.g. "Africa's Talking rejected the SMS: InvalidPhoneNumber (403)").
 */
export class NotifierError extends StimaError {
  readonly channel: NotificationChannel;
  readonly provider: string;
  readonly permanent: boolean;
  readonly providerCode: string | number | undefined;

  constructor(message: string, details: NotifierErrorDetails, cause?: unknown) {
    const code: ErrorCode = details.permanent ? 'VALIDATION' : 'UNAVAILABLE';
    super(
      code,
      message,
      { channel: details.channel, provider: details.provider, code: details.providerCode },
      cause,
    );
    this.name = 'NotifierError';
    this.channel = details.channel;
    this.provider = details.provider;
    this.permanent = details.permanent;
    this.providerCode = details.providerCode;
  }
}

/** HTTP statuses a provider answers when a retry may help: timeouts, rate limits and server errors. */
export function isTransientHttpStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
