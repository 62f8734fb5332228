import { z } from 'zod';
import { anySet, type Env, parseEnvConfig } from '../env-config';
import { namedUrlsSchema } from '../named-urls';

export const slackConfigSchema = z.object({
  /** Incoming-webhook URL per name; notifications address a name in `to`. */
  webhooks: namedUrlsSchema,
  timeoutMs: z.number().int().positive().default(10_000),
});
export type SlackConfig = z.output<typeof slackConfigSchema>;

const VARIABLES = { webhooks: 'SLACK_WEBHOOK_URLS' };

/** Slack settings from SLACK_WEBHOOK_URLS (`name=url,...`); undefined when unset. */
export function parseSlackEnv(env: Env): SlackConfig | undefined {
  if (!anySet(env, Object.values(VARIABLES))) return undefined;
  return parseEnvConfig('Slack', slackConfigSchema, env, VARIABLES);
}
