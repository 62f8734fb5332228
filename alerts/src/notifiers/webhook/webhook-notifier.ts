import { signWebhookBody, WEBHOOK_HEADERS } from '@stimawatch/core';
import type { Notifier } from '../../delivery/notification';
import { isTransientHttpStatus, NotifierError } from '../../delivery/notifier-error';
import { shortBody } from '../message-text';
import type { WebhookConfig } from './webhook-config';
import { buildWebhookPayload } from './webhook-payload';

export interface WebhookNotifierDeps {
  now?: () => Date;
}

/**
 * POSTs signed JSON: `X-StimaWatch-Signature: sha256=<hex HMAC of the raw body>`, `X-StimaWatch-Timestamp`
 * (Unix seconds) and `X-StimaWatch-Delivery` (the notification key, for the receiver's own dedupe).
 */
export function createWebhookNotifier(config: WebhookConfig, deps: WebhookNotifierDeps = {}): Notifier {
  const now = deps.now ?? (() => new Date());
  return {
    channel: 'webhook',
    async send(notification) {
      const provider = `webhook ${notification.to}`;
      const details = { channel: 'webhook' as const, provider };
      const url = config.targets[notification.to];
      if (url === undefined) {
        throw new NotifierError(`${provider} is not configured (WEBHOOK_TARGETS)`, {
          ...details,
          permanent: true,
          providerCode: 'unknown-target',
        });
      }
      const sentAt = now();
      const body = JSON.stringify(buildWebhookPayload(notification, sentAt));
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'StimaWatch-Webhook/1',
            [WEBHOOK_HEADERS.signature]: signWebhookBody(body, config.signingSecret),
            [WEBHOOK_HEADERS.timestamp]: String(Math.floor(sentAt.getTime() / 1000)),
            [WEBHOOK_HEADERS.delivery]: notification.key,
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : describe(error);
        throw new NotifierError(
          `${provider} is unreachable: ${reason}`,
          { ...details, permanent: false },
          error,
        );
      }
      // The answer only decorates the error message; an unreadable one must not hide the status.
      const answer = await response.text().catch(() => '');
      if (response.ok) return {};
      throw new NotifierError(`${provider} answered HTTP ${response.status}: ${shortBody(answer)}`, {
        ...details,
        permanent: !isTransientHttpStatus(response.status),
        providerCode: response.status,
      });
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
