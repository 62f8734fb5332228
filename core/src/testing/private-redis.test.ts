import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL } from './private-redis';

describe('deleteRedisPrefix', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it("deletes the prefix's own and BullMQ keys across many SCAN pages, and leaves other prefixes alone", async () => {
    const prefix = privateRedisPrefix('delete-prefix');
    const neighbour = privateRedisPrefix('delete-prefix');
    const own = Array.from({ length: 2500 }, (_, i) => `${prefix}:key-${i}`);
    await redis.mset(...own.flatMap((key) => [key, '1']));
    await redis.hset(`${prefix}:notifications:meta`, 'paused', '0');
    await redis.set(`${neighbour}:key`, '1');
    try {
      await deleteRedisPrefix(prefix);

      expect(await redis.keys(`${prefix}*`)).toEqual([]);
      expect(await redis.get(`${neighbour}:key`)).toBe('1');
    } finally {
      await redis.del(`${neighbour}:key`);
    }
  });
});
