import { readFileSync } from 'node:fs';
import { parseIngestTokens, StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { type ProbeTarget, probeTargetsSchema } from '../probe/probe-target';

const MIB = 1024 * 1024;

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  COLLECTOR_PORT: int(0, 65_535, 8081),
  COLLECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,100}$/, 'letters, digits, :, _ or - only')
    .default('stimawatch'),
  REDIS_COMMAND_TIMEOUT_MS: int(50, 60_000, 1000),
  INGEST_TOKENS: z.string({ error: 'is required (source:token[,source:token…])' }).min(1, 'is required'),
  MPESA_CALLBACK_SECRET: z
    .string({ error: 'is required (16+ characters)' })
    .min(16, 'must be at least 16 characters')
    .regex(/^[A-Za-z0-9._~-]+$/, 'must be URL-path safe (letters, digits, . _ ~ -)'),
  PAYMENT_TOKEN_WAIT_SECONDS: int(1, 86_400, 300),
  ATTEMPT_TTL_SECONDS: int(60, 30 * 86_400, 86_400),
  MAX_BODY_BYTES: int(1024, 100 * MIB, 5 * MIB),
  MAX_BATCH_EVENTS: int(1, 1_000_000, 10_000),
  TRACKING_BACKLOG_MAX_EVENTS: int(0, 10_000_000, 200_000),
  PROBE_TARGETS: z.string().optional(),
  PROBE_TARGETS_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface CollectorConfig {
  port: number;
  host: string;
  redisUrl: string;
  redisKeyPrefix: string;
  redisCommandTimeoutMs: number;
  /** token → source name */
  ingestTokens: Map<string, string>;
  mpesaCallbackSecret: string;
  paymentTokenWaitSeconds: number;
  attemptTtlSeconds: number;
  maxBodyBytes: number;
  maxBatchEvents: number;
  /** Tracking operations held in memory while Redis is away; beyond it ingest answers 503. */
  trackingBacklogMaxEvents: number;
  probeTargets: ProbeTarget[];
  logLevel: string;
}

type Env = Record<string, string | undefined>;

function configError(variable: string, message: string, cause?: unknown): StimaError {
  return new StimaError('CONFIG', `${variable} ${message}`, { variable }, cause);
}

/** Reads the collector's configuration from an environment object; throws naming the bad variable. */
export function parseCollectorConfig(
  env: Env,
  readFile = (path: string) => readFileSync(path, 'utf8'),
): CollectorConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw configError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }
  const values = parsed.data;
  let ingestTokens: Map<string, string>;
  try {
    ingestTokens = parseIngestTokens(values.INGEST_TOKENS);
  } catch (error) {
    throw configError('INGEST_TOKENS', `is invalid: ${(error as Error).message}`, error);
  }
  if (ingestTokens.size === 0) throw configError('INGEST_TOKENS', 'must hold at least one source:token');
  return {
    port: values.COLLECTOR_PORT,
    host: values.COLLECTOR_HOST,
    redisUrl: values.REDIS_URL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    redisCommandTimeoutMs: values.REDIS_COMMAND_TIMEOUT_MS,
    ingestTokens,
    mpesaCallbackSecret: values.MPESA_CALLBACK_SECRET,
    paymentTokenWaitSeconds: values.PAYMENT_TOKEN_WAIT_SECONDS,
    attemptTtlSeconds: values.ATTEMPT_TTL_SECONDS,
    maxBodyBytes: values.MAX_BODY_BYTES,
    maxBatchEvents: values.MAX_BATCH_EVENTS,
    trackingBacklogMaxEvents: values.TRACKING_BACKLOG_MAX_EVENTS,
    probeTargets: parseProbeTargets(values.PROBE_TARGETS, values.PROBE_TARGETS_FILE, readFile),
    logLevel: values.LOG_LEVEL,
  };
}

function parseProbeTargets(
  inline: string | undefined,
  file: string | undefined,
  readFile: (path: string) => string,
): ProbeTarget[] {
  if (inline !== undefined && file !== undefined) {
    throw configError('PROBE_TARGETS', 'and PROBE_TARGETS_FILE are both set; choose one');
  }
  const variable = file !== undefined ? 'PROBE_TARGETS_FILE' : 'PROBE_TARGETS';
  let text = inline;
  if (file !== undefined) {
    try {
      text = readFile(file);
    } catch (error) {
      throw configError(variable, `cannot be read: ${(error as Error).message}`, error);
    }
  }
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw configError(variable, `is not valid JSON: ${(error as Error).message}`, error);
  }
  const targets = probeTargetsSchema.safeParse(json);
  if (!targets.success) {
    const issue = targets.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw configError(variable, `is invalid${where}: ${issue?.message ?? 'bad value'}`);
  }
  return targets.data;
}
