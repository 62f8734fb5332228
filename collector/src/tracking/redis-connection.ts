import type { Logger } from '@stimawatch/core';
import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  commandTimeoutMs: number;
  logger: Logger;
}

/**
 * A Redis client that fails fast while Redis is away (no offline queue, short command timeout) and keeps
 * reconnecting by itself (capped backoff), so ingest can fall back to its in-memory backlog at once.
 */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: Math.max(1000, options.commandTimeoutMs),
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
  });
  let state: 'starting' | 'up' | 'down' = 'starting';
  redis.on('ready', () => {
    state = 'up';
    options.logger.info('redis ready');
  });
  // ioredis emits 'error' on every failed reconnect; log the transition to down once ('reconnecting' is
  // emitted only for unintended losses, not for quit()), with the latest error for context.
  let lastError = 'connection closed';
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  redis.on('reconnecting', () => {
    if (state !== 'down') options.logger.warn({ err: lastError }, 'redis unreachable; retrying');
    state = 'down';
  });
  return redis;
}
