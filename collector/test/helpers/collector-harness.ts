import { createLogger } from '@stimawatch/core';
import { privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { type CollectorConfig, parseCollectorConfig } from '../../src/config/collector-config';

export const INGEST_TOKEN = 'vending-token-0123456789';
export const GATEWAY_TOKEN = 'gateway-token-0123456789';
export const CALLBACK_SECRET = 'cb-secret-0123456789';

/** A collector configuration private to one test: its own Redis key prefix, port 0. */
export function testConfig(label: string, env: Record<string, string> = {}): CollectorConfig {
  return parseCollectorConfig({
    COLLECTOR_PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: privateRedisPrefix(label),
    INGEST_TOKENS: `vending:${INGEST_TOKEN},gateway:${GATEWAY_TOKEN}`,
    MPESA_CALLBACK_SECRET: CALLBACK_SECRET,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export const silentLogger = createLogger('collector-test', 'silent');

/** The value of one sample in a Prometheus text exposition (0 when absent). */
export function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

export function event(
  attemptId: string,
  stage: string,
  outcome = 'success',
  extra: Record<string, unknown> = {},
) {
  return { attemptId, channel: 'mpesa_c2b', stage, outcome, ...extra };
}

export function ndjson(events: readonly unknown[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n');
}

export function authorised(body: string, type = 'application/x-ndjson'): RequestInit {
  return { method: 'POST', body, headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': type } };
}
