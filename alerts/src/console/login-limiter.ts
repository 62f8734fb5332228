import type { Redis } from 'ioredis';

export interface LoginLimiter {
  /** Counts an attempt from `ip`; true when the address is over its limit for the window. */
  ipOverLimit(ip: string): Promise<{ over: boolean; retryAfterSeconds: number }>;
  /** True when the user has had too many failed attempts in the window (checked before the password). */
  userLocked(username: string): Promise<{ locked: boolean; retryAfterSeconds: number }>;
  recordFailure(username: string): Promise<void>;
  recordSuccess(username: string): Promise<void>;
}

/**
 * Fixed-window counters in Redis (shared by replicas). Every attempt counts against the client address; only
 * failures count against the user, and the window expires by itself, so a stranger guessing at a username
 * can lock it out for one window at most.
 */
export function createLoginLimiter(options: {
  redis: Redis;
  keyPrefix: string;
  maxPerIp: number;
  maxFailuresPerUser: number;
  windowMs: number;
}): LoginLimiter {
  const { redis, windowMs } = options;
  const ipKey = (ip: string) => `${options.keyPrefix}login:ip:${ip}`;
  const userKey = (username: string) =>
    `${options.keyPrefix}login:user:${username.toLowerCase().slice(0, 64)}`;
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  async function increment(key: string): Promise<{ count: number; ttlMs: number }> {
    const replies = await redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).pttl(key).exec();
    const failed = replies?.find(([error]) => error !== null);
    if (replies === null || failed !== undefined)
      throw failed?.[0] ?? new Error('login counter transaction aborted');
    return { count: Number(replies[1]?.[1]), ttlMs: Number(replies[2]?.[1]) };
  }

  return {
    async ipOverLimit(ip) {
      const { count, ttlMs } = await increment(ipKey(ip));
      return { over: count > options.maxPerIp, retryAfterSeconds: seconds(ttlMs) };
    },
    async userLocked(username) {
      const [count, ttlMs] = await Promise.all([redis.get(userKey(username)), redis.pttl(userKey(username))]);
      return { locked: Number(count ?? 0) >= options.maxFailuresPerUser, retryAfterSeconds: seconds(ttlMs) };
    },
    async recordFailure(username) {
      await increment(userKey(username));
    },
    async recordSuccess(username) {
      await redis.del(userKey(username));
    },
  };
}
