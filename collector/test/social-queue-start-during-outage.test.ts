import { QUEUES } from '@stimawatch/core';
import {
  type PrivateRedisServer,
  privateRedisPrefix,
  startDuringRedisBlip,
  waitFor,
} from '@stimawatch/core/testing';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createSocialJobs, type SocialJobs } from '../src/social/jobs/social-jobs';
import { silentLogger } from './helpers/collector-harness';

const prefix = privateRedisPrefix('social-start');
let jobs: SocialJobs | undefined;
let lockConnection: Redis | undefined;
let redis: PrivateRedisServer | undefined;
afterEach(async () => {
  await jobs?.stop();
  lockConnection?.disconnect();
  await redis?.stop();
});

describe('the social queue when Redis drops while it starts', () => {
  it('queues a poll once Redis is back', async () => {
    // 1 s of refused reconnects spends the queue connection's 3 retries (50 to 200 ms apart).
    ({ started: jobs, redis } = await startDuringRedisBlip((redisUrl) => {
      lockConnection = new Redis(redisUrl, { lazyConnect: true });
      return createSocialJobs({
        redisUrl,
        prefix,
        redis: lockConnection,
        schedulerLockKey: `${prefix}:lock`,
        schedulerConfigKey: `${prefix}:config`,
        intervals: { purgeMentionsMs: 3_600_000 },
        handlers: { purgeMentions: async () => undefined },
        logger: silentLogger,
        now: Date.now,
      });
    }, 1_000));

    const dueAt = Date.now() + 60_000;
    await waitFor('a poll to be queued once Redis is back', () =>
      jobs?.runSoon('pollMentions', dueAt).then(
        () => true,
        () => undefined,
      ),
    );
    const check = new Redis(redis.url);
    try {
      expect(await check.zcard(`${prefix}:${QUEUES.socialPoll}:delayed`)).toBe(1);
    } finally {
      check.disconnect();
    }
  });
});
