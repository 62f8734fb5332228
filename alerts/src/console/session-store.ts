import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface ConsoleSession {
  username: string;
  /** Double-submit token: sent back in the X-CSRF-Token header on every write of this session. */
  csrf: string;
  createdAt: number;
}

export interface SessionStore {
  /** A new session; returns the secret token for the cookie (only its SHA-256 is stored). */
  create(username: string): Promise<{ token: string; session: ConsoleSession }>;
  /** The live session, its idle timer renewed; undefined when unknown, idle too long or past its maximum age. */
  touch(token: string): Promise<ConsoleSession | undefined>;
  destroy(token: string): Promise<void>;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions in Redis, so every replica of the alerts service sees them and expiry needs no sweeper: each key
 * lives for the idle timeout (renewed on use) but never past the session's maximum age.
 */
export function createSessionStore(options: {
  redis: Redis;
  keyPrefix: string;
  idleMs: number;
  maxMs: number;
  clock?: () => number;
}): SessionStore {
  const clock = options.clock ?? Date.now;
  const key = (token: string) =>
    `${options.keyPrefix}session:${createHash('sha256').update(token).digest('hex')}`;
  const ttl = (session: ConsoleSession) =>
    Math.min(options.idleMs, session.createdAt + options.maxMs - clock());
  return {
    async create(username) {
      const token = newSecret();
      const session: ConsoleSession = { username, csrf: newSecret(), createdAt: clock() };
      await options.redis.set(key(token), JSON.stringify(session), 'PX', options.idleMs);
      return { token, session };
    },
    async touch(token) {
      if (token.length < 20 || token.length > 100) return undefined;
      const raw = await options.redis.get(key(token));
      if (raw === null) return undefined;
      const session = JSON.parse(raw) as ConsoleSession;
      const remaining = ttl(session);
      if (remaining <= 0) {
        await options.redis.del(key(token));
        return undefined;
      }
      await options.redis.pexpire(key(token), remaining);
      return session;
    },
    async destroy(token) {
      await options.redis.del(key(token));
    },
  };
}
