import { StimaError } from '@stimawatch/core';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type Notifier } from '../delivery/notification';
import type { Env } from './env-config';
import { type ChannelConfigs, NOTIFIER_PROVIDERS, type NotifierProvider } from './notifier-providers';

/** Settings per channel; a channel left out is not configured (its notifications fail as permanent). */
export type NotifierConfig = { [C in NotificationChannel]?: ChannelConfigs[C] };

/**
 * Reads every provider's variables (AT_*, SLACK_WEBHOOK_URLS, SMTP_URL/SMTP_FROM, WEBHOOK_*) and fails once,
 * naming every bad variable. A provider none of whose variables is set is simply absent.
 */
export function parseNotifierConfig(env: Env): NotifierConfig {
  const config: NotifierConfig = {};
  const problems: string[] = [];
  for (const channel of NOTIFICATION_CHANNELS) {
    try {
      const parsed = (NOTIFIER_PROVIDERS[channel] as NotifierProvider<unknown>).fromEnv(env);
      if (parsed !== undefined) (config as Record<string, unknown>)[channel] = parsed;
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new StimaError('CONFIG', problems.join('\n'));
  return config;
}

/** Builds a notifier for each configured channel. */
export function createNotifiers(config: NotifierConfig): Partial<Record<NotificationChannel, Notifier>> {
  const notifiers: Partial<Record<NotificationChannel, Notifier>> = {};
  for (const channel of NOTIFICATION_CHANNELS) {
    const settings = config[channel];
    if (settings !== undefined) {
      notifiers[channel] = (NOTIFIER_PROVIDERS[channel] as NotifierProvider<typeof settings>).create(
        settings,
      );
    }
  }
  return notifiers;
}
