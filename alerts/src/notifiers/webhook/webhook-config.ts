import { z } from 'zod';
import { anySet, type Env, parseEnvConfig } from '../env-config';
import { namedUrlsSchema } from '../named-urls';

export const webhookConfigSchema = z.object({
  /** Target URL per name; notifications address a name in `to`. */
  targets: namedUrlsSchema,
  /** HMAC-SHA256 key for X-StimaWatch-Signature; receivers must reject unsigned or mis-signed calls. */
  signingSecret: z.string().min(16, 'must be at least 16 characters'),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type WebhookConfig = z.output<typeof webhookConfigSchema>;

const VARIABLES = { targets: 'WEBHOOK_TARGETS', signingSecret: 'WEBHOOK_SIGNING_SECRET' };

/** Webhook settings from WEBHOOK_TARGETS (`name=url,...`) and WEBHOOK_SIGNING_SECRET; undefined when unset. */
export function parseWebhookEnv(env: Env): WebhookConfig | undefined {
  if (!anySet(env, Object.values(VARIABLES))) return undefined;
  return parseEnvConfig('Webhook', webhookConfigSchema, env, VARIABLES);
}
