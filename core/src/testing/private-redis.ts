import { randomUUID } from 'node:crypto';

/** The Redis server on this machine; tests isolate themselves with a unique key prefix. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix (and BullMQ prefix) unique to one test. */
export function privateRedisPrefix(label: string): string {
  return `stimawatch-test-${label}-${randomUUID().slice(0, 8)}`;
}
