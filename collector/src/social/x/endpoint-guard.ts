import type { Redis } from 'ioredis';
import type { SocialKeys } from '../social-keys';
import type { XRateLimit, XSourceError } from './x-api';

/** Requests wait this long past X's announced reset, so clock skew cannot make them land just before it. */
export const RESET_MARGIN_MS = 1000;

/** Exponential backoff: base, 2·base, 4·base… capped at max. */
export function backoffDelayMs(failures: number, baseMs: number, maxMs: number): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
}

export interface EndpointGuard {
  /** Epoch ms before which this endpoint must not be called (0 when free). */
  blockedUntil(): Promise<number>;
  /** Clears failures, marks the source up, and blocks until the reset when the window is used up. */
  succeeded(rateLimit: XRateLimit | undefined): Promise<void>;
  /** Records the failure; returns when to try again. 429 waits for the reset; other failures back off. */
  failed(error: XSourceError): Promise<number>;
}

/**
 * Rate-limit and backoff state of one X endpoint, in Redis so every replica honours it. The `up` flag of the
 * endpoint feeds `stimawatch_social_source_up{source="x"}`.
 */
export function createEndpointGuard(
  redis: Redis,
  keys: SocialKeys,
  endpoint: string,
  options: { backoffBaseMs: number; backoffMaxMs: number; now: () => number },
): EndpointGuard {
  const key = keys.guard(endpoint);
  return {
    async blockedUntil() {
      return Number((await redis.hget(key, 'until')) ?? 0);
    },

    async succeeded(rateLimit) {
      const now = options.now();
      const until =
        rateLimit !== undefined && rateLimit.remaining <= 0 && rateLimit.resetAtMs > now
          ? rateLimit.resetAtMs + RESET_MARGIN_MS
          : 0;
      await redis
        .multi()
        .hset(key, 'until', String(until), 'failures', '0')
        .hset(keys.sourceUp, endpoint, '1')
        .exec();
    },

    async failed(error) {
      const now = options.now();
      if (error.kind === 'rate_limited') {
        const reset = error.rateLimit?.resetAtMs ?? now + options.backoffBaseMs;
        const until = Math.max(reset, now) + RESET_MARGIN_MS;
        await redis.hset(key, 'until', String(until));
        return until;
      }
      const failures = await redis.hincrby(key, 'failures', 1);
      const until = now + backoffDelayMs(failures, options.backoffBaseMs, options.backoffMaxMs);
      await redis.multi().hset(key, 'until', String(until)).hset(keys.sourceUp, endpoint, '0').exec();
      return until;
    },
  };
}
