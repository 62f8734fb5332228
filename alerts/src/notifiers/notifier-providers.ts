import type { NotificationChannel, Notifier } from '../delivery/notification';
import {
  type AfricasTalkingConfig,
  createAfricasTalkingNotifier,
  parseAfricasTalkingEnv,
} from './africas-talking';
import { createEmailNotifier, type EmailConfig, parseEmailEnv } from './email';
import type { Env } from './env-config';
import { createSlackNotifier, parseSlackEnv, type SlackConfig } from './slack';
import { createWebhookNotifier, parseWebhookEnv, type WebhookConfig } from './webhook';

/** The config type of each channel's provider. */
export interface ChannelConfigs {
  sms: AfricasTalkingConfig;
  slack: SlackConfig;
  email: EmailConfig;
  webhook: WebhookConfig;
}

export interface NotifierProvider<C> {
  /** The environment variables it reads, for documentation and error messages. */
  variables: readonly string[];
  fromEnv(env: Env): C | undefined;
  create(config: C): Notifier;
}

/** One provider per channel: a channel without one fails the type check. */
export const NOTIFIER_PROVIDERS: { [C in NotificationChannel]: NotifierProvider<ChannelConfigs[C]> } = {
  sms: {
    variables: ['AT_USERNAME', 'AT_API_KEY', 'AT_SENDER_ID', 'AT_BASE_URL'],
    fromEnv: parseAfricasTalkingEnv,
    create: createAfricasTalkingNotifier,
  },
  slack: { variables: ['SLACK_WEBHOOK_URLS'], fromEnv: parseSlackEnv, create: createSlackNotifier },
  email: { variables: ['SMTP_URL', 'SMTP_FROM'], fromEnv: parseEmailEnv, create: createEmailNotifier },
  webhook: {
    variables: ['WEBHOOK_TARGETS', 'WEBHOOK_SIGNING_SECRET'],
    fromEnv: parseWebhookEnv,
    create: (config) => createWebhookNotifier(config),
  },
};
