import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis server on this machine; tests isolate themselves with a unique key prefix. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix (and BullMQ prefix) unique to one test. */
export function privateRedisPrefix(label: string): string {
  return `stimawatch-test-${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Deletes every key whose name starts with `prefix` (a service's own keys and its BullMQ queues alike), so it
 * is only safe for a prefix nothing else shares, such as one from {@link privateRedisPrefix}.
 */
export async function deleteRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  // lazyConnect + connect() makes an unreachable Redis reject here instead of retrying behind queued commands.
  const redis = new Redis(url, { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
