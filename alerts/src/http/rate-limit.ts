import { StimaError } from '@stimawatch/core';
import type { MiddlewareHandler } from 'hono';
import type { AlertsHttpEnv } from './http-env';

/**
 * A fixed-window limit per client address for public endpoints (status page, statements feed), kept in
 * memory: enough to blunt a scraper hammering one replica; the edge proxy does the real work.
 */
export function rateLimit(options: {
  max: number;
  windowMs: number;
  clock?: () => number;
}): MiddlewareHandler<AlertsHttpEnv> {
  const clock = options.clock ?? Date.now;
  let windowStart = clock();
  let counts = new Map<string, number>();
  return async (c, next) => {
    const now = clock();
    if (now - windowStart >= options.windowMs) {
      windowStart = now;
      counts = new Map();
    }
    const client = c.env?.incoming?.socket.remoteAddress ?? 'unknown';
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    if (count > options.max) {
      c.header('Retry-After', String(Math.ceil((windowStart + options.windowMs - now) / 1000)));
      throw new StimaError('RATE_LIMITED', 'too many requests; slow down');
    }
    await next();
  };
}
