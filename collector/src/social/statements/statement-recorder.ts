import type { Logger, PostLanguage } from '@stimawatch/core';
import type { Redis } from 'ioredis';
import type { SocialKeys } from '../social-keys';

const RAISE_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) return 1 end
return 0
`;

/** A public statement to forward to the alerts service (`POST /v1/statements`). */
export interface StatementDelivery {
  postId: string;
  text: string;
  lang: PostLanguage;
}

export interface OfficialPost extends StatementDelivery {
  createdAtMs: number;
}

export interface StatementRecorder {
  /** Raises the last-statement time and queues delivery of recent statements (idempotent per post id). */
  published(post: OfficialPost): Promise<void>;
}

export function createStatementRecorder(deps: {
  redis: Redis;
  keys: SocialKeys;
  /** Undefined when the alerts service is not configured: statements are only measured. */
  enqueue: ((delivery: StatementDelivery) => Promise<void>) | undefined;
  maxAgeMs: number;
  now: () => number;
  logger: Logger;
}): StatementRecorder {
  return {
    async published(post) {
      await deps.redis.eval(
        RAISE_SCRIPT,
        1,
        deps.keys.lastOfficialStatement,
        String(Math.floor(post.createdAtMs / 1000)),
      );
      if (deps.enqueue === undefined) return;
      // Old posts found on a first run or after a long outage are history, not news for the comms timer.
      if (post.createdAtMs < deps.now() - deps.maxAgeMs) {
        deps.logger.info({ postId: post.postId }, 'official post too old to forward as a statement');
        return;
      }
      await deps.enqueue({ postId: post.postId, text: post.text, lang: post.lang });
    },
  };
}
