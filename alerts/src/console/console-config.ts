import { join } from 'node:path';
import { StimaError } from '@stimawatch/core';
import { z } from 'zod';

export interface XPostingConfig {
  /** OAuth 1.0a user context (consumer key/secret + the account's access token/secret), or an OAuth 2.0 user token. */
  auth:
    | { kind: 'oauth1'; appKey: string; appSecret: string; accessToken: string; accessSecret: string }
    | { kind: 'oauth2-user'; accessToken: string };
  /** Replaces https://api.x.com (the fake X API in local mode and tests). */
  baseUrl: string | undefined;
  timeoutMs: number;
}

export interface ConsoleConfig {
  /** Console users (YAML or JSON); see alerts/src/console/README.md. */
  usersFile: string;
  /** True when CONSOLE_USERS_FILE was set: then a missing file is a start-up error, not "sign-in disabled". */
  usersFileRequired: boolean;
  collectorUrl: string;
  /** Bearer token for the collector's feed routes (the collector's SOCIAL_FEED_TOKEN), when it requires one. */
  collectorFeedToken: string | undefined;
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginMaxPerIp: number;
  loginMaxFailuresPerUser: number;
  loginWindowMs: number;
  /** Use the first X-Forwarded-For hop as the client address (only behind a proxy that sets it). */
  trustProxy: boolean;
  x: XPostingConfig | undefined;
}

const blankIsUnset = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().optional(),
);
const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  CONSOLE_USERS_FILE: blankIsUnset,
  COLLECTOR_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('http://127.0.0.1:8081')
    .transform((url) => url.replace(/\/+$/, '')),
  COLLECTOR_FEED_TOKEN: blankIsUnset.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 characters',
  ),
  CONSOLE_SESSION_IDLE_MINUTES: int(1, 24 * 60, 60),
  CONSOLE_SESSION_MAX_HOURS: int(1, 24 * 30, 12),
  CONSOLE_LOGIN_MAX_PER_IP: int(1, 100_000, 30),
  CONSOLE_LOGIN_MAX_FAILURES_PER_USER: int(1, 1000, 5),
  CONSOLE_LOGIN_WINDOW_MINUTES: int(1, 24 * 60, 15),
  CONSOLE_TRUST_PROXY: z.stringbool().default(false),
  X_API_KEY: blankIsUnset,
  X_API_SECRET: blankIsUnset,
  X_USER_ACCESS_TOKEN: blankIsUnset,
  X_USER_ACCESS_SECRET: blankIsUnset,
  X_API_BASE_URL: blankIsUnset.refine(
    (v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v),
    'must be an http(s) URL',
  ),
  X_REQUEST_TIMEOUT_MS: int(100, 120_000, 10_000),
});

type Env = z.output<typeof envSchema>;

function xPosting(e: Env): XPostingConfig | undefined {
  const oauth1 = [e.X_API_KEY, e.X_API_SECRET, e.X_USER_ACCESS_TOKEN, e.X_USER_ACCESS_SECRET];
  const common = { baseUrl: e.X_API_BASE_URL, timeoutMs: e.X_REQUEST_TIMEOUT_MS };
  if (e.X_USER_ACCESS_TOKEN === undefined) {
    if (e.X_USER_ACCESS_SECRET !== undefined) {
      throw new StimaError('CONFIG', 'X_USER_ACCESS_SECRET is set without X_USER_ACCESS_TOKEN');
    }
    return undefined;
  }
  if (e.X_USER_ACCESS_SECRET === undefined) {
    // An OAuth 2.0 user-context token (PKCE flow); it expires, so OAuth 1.0a is the better fit for a server.
    return { auth: { kind: 'oauth2-user', accessToken: e.X_USER_ACCESS_TOKEN }, ...common };
  }
  if (oauth1.some((value) => value === undefined)) {
    throw new StimaError(
      'CONFIG',
      'X posting with OAuth 1.0a needs X_API_KEY, X_API_SECRET, X_USER_ACCESS_TOKEN and X_USER_ACCESS_SECRET',
    );
  }
  const [appKey, appSecret, accessToken, accessSecret] = oauth1 as string[];
  return {
    auth: {
      kind: 'oauth1',
      appKey: appKey ?? '',
      appSecret: appSecret ?? '',
      accessToken: accessToken ?? '',
      accessSecret: accessSecret ?? '',
    },
    ...common,
  };
}

/** The console's settings from the environment; errors name the variable. `dataDir` locates the default users file. */
export function parseConsoleConfig(env: Record<string, string | undefined>, dataDir: string): ConsoleConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new StimaError('CONFIG', `invalid console configuration: ${problems.join('; ')}`, { problems });
  }
  const e = parsed.data;
  return {
    usersFile: e.CONSOLE_USERS_FILE ?? join(dataDir, 'console-users.yml'),
    usersFileRequired: e.CONSOLE_USERS_FILE !== undefined,
    collectorUrl: e.COLLECTOR_URL,
    collectorFeedToken: e.COLLECTOR_FEED_TOKEN,
    sessionIdleMs: e.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.CONSOLE_SESSION_MAX_HOURS * 3_600_000,
    loginMaxPerIp: e.CONSOLE_LOGIN_MAX_PER_IP,
    loginMaxFailuresPerUser: e.CONSOLE_LOGIN_MAX_FAILURES_PER_USER,
    loginWindowMs: e.CONSOLE_LOGIN_WINDOW_MINUTES * 60_000,
    trustProxy: e.CONSOLE_TRUST_PROXY,
    x: xPosting(e),
  };
}
