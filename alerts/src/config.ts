import { StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { type ApiTokens, parseApiTokens } from './api-tokens';

export interface AlertsConfig {
  port: number;
  host: string;
  redisUrl: string;
  /** BullMQ key prefix (not an ioredis keyPrefix, which BullMQ refuses). */
  redisKeyPrefix: string;
  databaseUrl: string | undefined;
  dataDir: string;
  oncallFile: string;
  publicBaseUrl: string;
  ackLinkSecret: string;
  ackLinkTtlMs: number;
  apiTokens: ApiTokens;
  alertmanagerWebhookToken: string | undefined;
  smsInboundSecret: string | undefined;
  commsSilenceMs: number;
  reopenWindowMs: number;
  correlationWindowMs: number;
  logLevel: string;
  /** The built console; served at `/` when the folder exists. */
  dashboardDir: string;
  /** How often pending side effects (pages, timers) are retried after Redis or a provider failed. */
  outboxRetryMs: number;
}

const optionalSecret = (min: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
    .refine((value) => value === undefined || value.length >= min, `must be at least ${min} characters`);

const positiveMinutes = (fallback: number) =>
  z.coerce.number().positive('must be a positive number of minutes').default(fallback);

const envSchema = z.object({
  ALERTS_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  ALERTS_HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only')
    .default('stimawatch'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL'),
  DATA_DIR: z.string().min(1).default('./data'),
  ONCALL_FILE: z.string().min(1).default('alerts/oncall.example.yml'),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('http://127.0.0.1:8082')
    .transform((value) => value.replace(/\/+$/, '')),
  ACK_LINK_SECRET: z
    .string({ error: 'is required (the HMAC key that signs acknowledgement links)' })
    .min(32, 'must be at least 32 characters'),
  ACK_LINK_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  API_TOKENS: z.string().default(''),
  ALERTMANAGER_WEBHOOK_TOKEN: optionalSecret(16),
  SMS_INBOUND_SECRET: optionalSecret(16),
  COMMS_SILENCE_MINUTES: positiveMinutes(15),
  REOPEN_WINDOW_MINUTES: positiveMinutes(30),
  INCIDENT_CORRELATION_MINUTES: z.coerce.number().nonnegative('must be 0 or more minutes').default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DASHBOARD_DIR: z.string().min(1).default('dashboard/dist'),
});

const MINUTE_MS = 60_000;

/** Validates the alerts service's environment; the error names the variable at fault. */
export function parseAlertsConfig(env: Record<string, string | undefined>): AlertsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new StimaError('CONFIG', `invalid alerts configuration: ${problems.join('; ')}`, { problems });
  }
  const e = parsed.data;
  return {
    port: e.ALERTS_PORT,
    host: e.ALERTS_HOST,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    oncallFile: e.ONCALL_FILE,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    ackLinkSecret: e.ACK_LINK_SECRET,
    ackLinkTtlMs: e.ACK_LINK_TTL_SECONDS * 1000,
    apiTokens: parseApiTokens(e.API_TOKENS),
    alertmanagerWebhookToken: e.ALERTMANAGER_WEBHOOK_TOKEN,
    smsInboundSecret: e.SMS_INBOUND_SECRET,
    commsSilenceMs: e.COMMS_SILENCE_MINUTES * MINUTE_MS,
    reopenWindowMs: e.REOPEN_WINDOW_MINUTES * MINUTE_MS,
    correlationWindowMs: e.INCIDENT_CORRELATION_MINUTES * MINUTE_MS,
    logLevel: e.LOG_LEVEL,
    dashboardDir: e.DASHBOARD_DIR,
    outboxRetryMs: 10_000,
  };
}
