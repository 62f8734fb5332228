import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Runs `work` only if no other replica is running the same poll (a scheduled poll and an early retry can
 * become active together on two replicas). The lease expires on its own if the holder dies.
 */
export async function withPollLock<T>(
  redis: Redis,
  key: string,
  leaseMs: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const owner = randomUUID();
  if ((await redis.set(key, owner, 'PX', leaseMs, 'NX')) !== 'OK') return { ran: false };
  try {
    return { ran: true, value: await work() };
  } finally {
    await redis.eval(RELEASE_SCRIPT, 1, key, owner);
  }
}
