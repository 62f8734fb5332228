import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import type { Notifier } from '../../delivery/notification';
import { isTransientHttpStatus, NotifierError } from '../../delivery/notifier-error';
import { shortBody } from '../message-text';
import type { SlackConfig } from './slack-config';
import { buildSlackMessage } from './slack-message';

const PROVIDER = 'Slack';

/** Slack incoming webhooks through `@slack/webhook` (the only file that imports it). */
export function createSlackNotifier(config: SlackConfig): Notifier {
  const hooks = new Map(
    Object.entries(config.webhooks).map(([name, url]) => [
      name,
      new IncomingWebhook(url, { timeout: config.timeoutMs, retryConfig: { retries: 0 } }),
    ]),
  );
  return {
    channel: 'slack',
    async send(notification) {
      const hook = hooks.get(notification.to);
      if (hook === undefined) {
        throw new NotifierError(
          `${PROVIDER} webhook "${notification.to}" is not configured (SLACK_WEBHOOK_URLS)`,
          {
            channel: 'slack',
            provider: PROVIDER,
            permanent: true,
            providerCode: 'unknown-webhook',
          },
        );
      }
      try {
        await hook.send(buildSlackMessage(notification));
        return {};
      } catch (error) {
        throw normaliseSlackError(error);
      }
    },
  };
}

function normaliseSlackError(error: unknown): NotifierError {
  const details = { channel: 'slack' as const, provider: PROVIDER };
  if (error instanceof IncomingWebhookHTTPError) {
    const code = shortBody(error.body) || error.statusMessage;
    return new NotifierError(
      `${PROVIDER} refused the message: ${code} (HTTP ${error.statusCode})`,
      { ...details, permanent: !isTransientHttpStatus(error.statusCode), providerCode: error.statusCode },
      error,
    );
  }
  if (error instanceof IncomingWebhookRequestError) {
    const cause = error.original;
    const reason = cause.name === 'TimeoutError' ? 'timed out' : cause.message;
    return new NotifierError(
      `${PROVIDER} is unreachable: ${reason}`,
      { ...details, permanent: false },
      error,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NotifierError(`${PROVIDER} send failed: ${message}`, { ...details, permanent: false }, error);
}
