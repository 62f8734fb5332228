import { z } from 'zod';
import { anySet, type Env, parseEnvConfig } from '../env-config';

const smtpUrlSchema = z
  .string()
  .refine((value) => /^smtps?:\/\/[^/]+/.test(value) && URL.canParse(value), {
    message: 'expected smtp://user:pass@host:port or smtps://…',
  })
  .transform((value) => {
    const url = new URL(value);
    const secure = url.protocol === 'smtps:';
    return {
      host: url.hostname,
      port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
      secure,
      ...(url.username === ''
        ? {}
        : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    };
  });

export const emailConfigSchema = z.object({
  smtp: smtpUrlSchema,
  /** The From header, e.g. "Stima Watch <alerts@example.org>". */
  from: z.string().min(3),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type EmailConfig = z.output<typeof emailConfigSchema>;

const VARIABLES = { smtp: 'SMTP_URL', from: 'SMTP_FROM' };

/** E-mail settings from SMTP_URL and SMTP_FROM; undefined when neither is set. */
export function parseEmailEnv(env: Env): EmailConfig | undefined {
  if (!anySet(env, Object.values(VARIABLES))) return undefined;
  return parseEnvConfig('SMTP', emailConfigSchema, env, VARIABLES);
}
