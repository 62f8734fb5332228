import { z } from 'zod';
import { anySet, type Env, parseEnvConfig } from '../env-config';

export const africasTalkingConfigSchema = z.object({
  username: z.string().min(1),
  apiKey: z.string().min(1),
  /** Alphanumeric sender id or short code; unset uses the account default. */
  senderId: z.string().min(1).optional(),
  /** Replaces https://api.africastalking.com (e.g. the local fake inbox); /version1/messaging is appended. */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** The SDK sets no timeout of its own. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type AfricasTalkingConfig = z.output<typeof africasTalkingConfigSchema>;

const VARIABLES = {
  username: 'AT_USERNAME',
  apiKey: 'AT_API_KEY',
  senderId: 'AT_SENDER_ID',
  baseUrl: 'AT_BASE_URL',
};

/** SMS settings from AT_USERNAME, AT_API_KEY, AT_SENDER_ID, AT_BASE_URL; undefined when none is set. */
export function parseAfricasTalkingEnv(env: Env): AfricasTalkingConfig | undefined {
  if (!anySet(env, Object.values(VARIABLES))) return undefined;
  return parseEnvConfig("Africa's Talking", africasTalkingConfigSchema, env, VARIABLES);
}
