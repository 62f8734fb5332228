import { StimaError } from '@stimawatch/core';
import { z } from 'zod';

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const handlePattern = /^[A-Za-z0-9_]{1,15}$/;

const envSchema = z.object({
  X_BEARER_TOKEN: z.string().min(1).optional(),
  X_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  X_SEARCH_QUERY: z.string().trim().min(1).max(1024).optional(),
  X_OFFICIAL_HANDLES: z
    .string()
    .default('KenyaPower_Care,KenyaPower')
    .transform((raw) => raw.split(',').map((handle) => handle.trim().replace(/^@/, '')))
    .refine(
      (handles) => handles.every((handle) => handlePattern.test(handle)),
      'must be X handles, comma-separated',
    ),
  UTILITY_PAYBILL: z
    .string()
    .regex(/^\d{5,7}$/, 'must be a paybill number')
    .default('888880'),
  X_POLL_INTERVAL_SECONDS: int(5, 86_400, 60),
  X_OFFICIAL_POLL_INTERVAL_SECONDS: int(5, 86_400, 60),
  X_MAX_PAGES_PER_POLL: int(1, 100, 5),
  X_MAX_RESULTS: int(10, 100, 100),
  X_MONTHLY_READ_BUDGET: int(0, 1_000_000_000, 10_000),
  X_REQUEST_TIMEOUT_MS: int(100, 120_000, 10_000),
  X_BACKOFF_BASE_SECONDS: int(1, 3600, 30),
  X_BACKOFF_MAX_SECONDS: int(1, 86_400, 900),
  SOCIAL_RETENTION_DAYS: int(1, 3650, 30),
  SOCIAL_BASELINE_WEEKS: int(1, 52, 4),
  SOCIAL_DEDUPE_WINDOW_MINUTES: int(1, 7 * 24 * 60, 60),
  SOCIAL_HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
  SOCIAL_FEED_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SOCIAL_TRUST_PROXY: z.stringbool().default(false),
  REPORT_RATE_LIMIT_PER_MINUTE: int(1, 10_000, 5),
  STATEMENT_MAX_AGE_MINUTES: int(1, 7 * 24 * 60, 60),
});

export interface XSourceConfig {
  bearerToken: string;
  /** Where requests go instead of https://api.x.com (the fake X API in local mode and tests). */
  baseUrl: string | undefined;
  searchQuery: string;
  officialHandles: string[];
  pollIntervalMs: number;
  officialPollIntervalMs: number;
  maxPagesPerPoll: number;
  /** Posts per page of recent search (X allows 10–100). */
  maxResults: number;
  monthlyReadBudget: number;
  requestTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface SocialConfig {
  /** Undefined when `X_BEARER_TOKEN` is unset: the X sources stay off, the webhook and reports still work. */
  x: XSourceConfig | undefined;
  officialHandles: string[];
  retentionDays: number;
  baselineWeeks: number;
  dedupeWindowMs: number;
  /** Keys the hashes of reporter ids and authors; random per process when unset (see README). */
  hashSalt: string | undefined;
  /** When set, the feed API (`GET /v1/mentions*`) requires this bearer token. */
  feedToken: string | undefined;
  trustProxy: boolean;
  reportRateLimitPerMinute: number;
  statementMaxAgeMs: number;
}

/** The default recent-search query: the utility's handles, its paybill, English/Swahili/Sheng keywords. */
export function defaultSearchQuery(handles: readonly string[], paybill: string): string {
  const terms = [
    ...handles.map((handle) => `@${handle}`),
    'KPLC',
    '"Kenya Power"',
    paybill,
    'stima',
    'umeme',
    '(tokens (meter OR paybill OR mpesa OR haziingii OR hazijaingia))',
  ];
  return `(${terms.join(' OR ')}) -is:retweet`;
}

/** Reads the social-listening configuration from an environment object; throws naming the bad variable. */
export function parseSocialConfig(env: Record<string, string | undefined>): SocialConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new StimaError('CONFIG', `${variable} ${issue?.message ?? 'is invalid'}`, { variable });
  }
  const values = parsed.data;
  if (values.X_BACKOFF_MAX_SECONDS < values.X_BACKOFF_BASE_SECONDS) {
    throw new StimaError('CONFIG', 'X_BACKOFF_MAX_SECONDS must not be below X_BACKOFF_BASE_SECONDS', {
      variable: 'X_BACKOFF_MAX_SECONDS',
    });
  }
  const officialHandles = values.X_OFFICIAL_HANDLES;
  return {
    x:
      values.X_BEARER_TOKEN === undefined
        ? undefined
        : {
            bearerToken: values.X_BEARER_TOKEN,
            baseUrl: values.X_API_BASE_URL,
            searchQuery: values.X_SEARCH_QUERY ?? defaultSearchQuery(officialHandles, values.UTILITY_PAYBILL),
            officialHandles,
            pollIntervalMs: values.X_POLL_INTERVAL_SECONDS * 1000,
            officialPollIntervalMs: values.X_OFFICIAL_POLL_INTERVAL_SECONDS * 1000,
            maxPagesPerPoll: values.X_MAX_PAGES_PER_POLL,
            maxResults: values.X_MAX_RESULTS,
            monthlyReadBudget: values.X_MONTHLY_READ_BUDGET,
            requestTimeoutMs: values.X_REQUEST_TIMEOUT_MS,
            backoffBaseMs: values.X_BACKOFF_BASE_SECONDS * 1000,
            backoffMaxMs: values.X_BACKOFF_MAX_SECONDS * 1000,
          },
    officialHandles,
    retentionDays: values.SOCIAL_RETENTION_DAYS,
    baselineWeeks: values.SOCIAL_BASELINE_WEEKS,
    dedupeWindowMs: values.SOCIAL_DEDUPE_WINDOW_MINUTES * 60_000,
    hashSalt: values.SOCIAL_HASH_SALT,
    feedToken: values.SOCIAL_FEED_TOKEN,
    trustProxy: values.SOCIAL_TRUST_PROXY,
    reportRateLimitPerMinute: values.REPORT_RATE_LIMIT_PER_MINUTE,
    statementMaxAgeMs: values.STATEMENT_MAX_AGE_MINUTES * 60_000,
  };
}
