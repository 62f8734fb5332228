import type { Redis } from 'ioredis';
import type { SocialKeys } from '../social-keys';
import { BUCKET_MS, baselineBuckets, bucketStart, hourOfWeekBaseline, WEEK_MS } from './complaint-baseline';

/** Length of the sliding window of the complaint gauges (`window="10m"`). */
export const WINDOW_MS = 10 * 60_000;

/**
 * Records one complaining author: the sliding-window sorted set (score = newest complaint time), the
 * 10-minute bucket set and its count in the per-day history hash (only ever raised, so a late post for a
 * bucket whose set has expired cannot lower it). KEYS: authors zset, bucket set, history hash, history start.
 * ARGV: author, time ms, bucket field, bucket ttl ms, history ttl ms, trim-before ms, now ms.
 */
const COMPLAINT_SCRIPT = `
redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[6])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
local n = redis.call('SCARD', KEYS[2])
local old = tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0')
if n > old then redis.call('HSET', KEYS[3], ARGV[3], n) end
redis.call('PEXPIRE', KEYS[3], ARGV[5])
redis.call('SET', KEYS[4], ARGV[7], 'NX')
return n
`;

export interface CountedPost {
  postKey: string;
  authorKey: string;
  timeMs: number;
  isOutageComplaint: boolean;
  isNegative: boolean;
}

export interface ComplaintWindow {
  complaintAuthors: number;
  baseline: number;
  baselineMad: number;
  negativeShare: number;
}

export interface ComplaintCounter {
  /** Counting starts now unless it started earlier (the baseline leaves out the weeks before). */
  markHistoryStart(): Promise<void>;
  record(posts: readonly CountedPost[]): Promise<void>;
  read(): Promise<ComplaintWindow>;
}

/** UTC day of a bucket: the history hash it lives in. */
function historyDay(bucketStartMs: number): string {
  return new Date(bucketStartMs).toISOString().slice(0, 10);
}

/**
 * Unique complaining authors per sliding 10-minute window, the share of negative posts in it, and the
 * hour-of-week baseline, all in Redis so every collector replica exports the same values.
 */
export function createComplaintCounter(
  redis: Redis,
  keys: SocialKeys,
  options: { baselineWeeks: number; now: () => number },
): ComplaintCounter {
  const historyTtlMs = (options.baselineWeeks + 1) * WEEK_MS;
  const bucketTtlMs = 24 * 60 * 60_000;

  return {
    async markHistoryStart() {
      await redis.set(keys.historyStart, String(options.now()), 'NX');
    },

    async record(posts) {
      if (posts.length === 0) return;
      const now = options.now();
      const trimBefore = now - WINDOW_MS;
      const pipeline = redis.pipeline();
      for (const post of posts) {
        const time = Math.min(post.timeMs, now);
        if (post.isOutageComplaint) {
          const bucket = bucketStart(time);
          pipeline.eval(
            COMPLAINT_SCRIPT,
            4,
            keys.complaintAuthors,
            keys.complaintBucket(bucket / BUCKET_MS),
            keys.complaintHistory(historyDay(bucket)),
            keys.historyStart,
            post.authorKey,
            String(time),
            String(bucket / BUCKET_MS),
            String(bucketTtlMs),
            String(historyTtlMs),
            String(trimBefore),
            String(now),
          );
        }
        pipeline.zadd(keys.windowPosts, time, post.postKey);
        if (post.isNegative) pipeline.zadd(keys.windowNegative, time, post.postKey);
      }
      pipeline.zremrangebyscore(keys.windowPosts, '-inf', `(${trimBefore}`);
      pipeline.zremrangebyscore(keys.windowNegative, '-inf', `(${trimBefore}`);
      for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    },

    async read() {
      const now = options.now();
      const from = `(${now - WINDOW_MS}`;
      const buckets = baselineBuckets(now, options.baselineWeeks);
      const pipeline = redis.pipeline();
      pipeline.zcount(keys.complaintAuthors, from, '+inf');
      pipeline.zcount(keys.windowPosts, from, '+inf');
      pipeline.zcount(keys.windowNegative, from, '+inf');
      pipeline.get(keys.historyStart);
      for (const bucket of buckets) {
        pipeline.hget(keys.complaintHistory(historyDay(bucket)), String(bucket / BUCKET_MS));
      }
      const results = (await pipeline.exec()) ?? [];
      const values = results.map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      const [authors, posts, negative, historyStart, ...history] = values;
      const counts = new Map<number, number>();
      buckets.forEach((bucket, index) => {
        const value = history[index];
        if (typeof value === 'string') counts.set(bucket, Number(value));
      });
      const baseline = hourOfWeekBaseline(
        now,
        (start) => counts.get(start),
        historyStart === null || historyStart === undefined ? now : Number(historyStart),
        options.baselineWeeks,
      );
      const total = Number(posts);
      return {
        complaintAuthors: Number(authors),
        baseline: baseline.median,
        baselineMad: baseline.mad,
        negativeShare: total === 0 ? 0 : Number(negative) / total,
      };
    },
  };
}
