import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { SocialKeys } from '../social-keys';

/** Sets the id only if it is larger than the stored one (ids are decimal strings without leading zeros). */
const ADVANCE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
local candidate = ARGV[1]
if (not current) or (#candidate > #current) or (#candidate == #current and candidate > current) then
  redis.call('SET', KEYS[1], candidate)
  return 1
end
return 0
`;

const ID_PATTERN = /^[1-9]\d{0,19}$/;

/** A search that paged part-way: resumed by the next poll with the same `since_id` and `next_token`. */
export interface SearchCursor {
  queryHash: string;
  sinceId: string | undefined;
  newestId: string | undefined;
  nextToken: string;
}

const cursorSchema = z.object({
  queryHash: z.string(),
  sinceId: z.string().regex(ID_PATTERN).optional(),
  newestId: z.string().regex(ID_PATTERN).optional(),
  nextToken: z.string().min(1),
});

export interface XPollState {
  sinceId(stream: string): Promise<string | undefined>;
  /** Moves the stream's since_id forward; never backwards. Returns whether it moved. */
  advanceSinceId(stream: string, id: string): Promise<boolean>;
  loadCursor(): Promise<SearchCursor | undefined>;
  saveCursor(cursor: SearchCursor): Promise<void>;
  clearCursor(): Promise<void>;
  cachedUserId(handle: string): Promise<string | undefined>;
  cacheUserId(handle: string, id: string): Promise<void>;
}

/** Poll positions in Redis: they survive restarts and are shared by every replica. */
export function createXPollState(redis: Redis, keys: SocialKeys): XPollState {
  return {
    async sinceId(stream) {
      return (await redis.get(keys.sinceId(stream))) ?? undefined;
    },
    async advanceSinceId(stream, id) {
      if (!ID_PATTERN.test(id)) throw new Error(`not a post id: ${id}`);
      return (await redis.eval(ADVANCE_SCRIPT, 1, keys.sinceId(stream), id)) === 1;
    },
    async loadCursor() {
      const raw = await redis.get(keys.searchCursor);
      if (raw === null) return undefined;
      const parsed = cursorSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) return undefined;
      return {
        queryHash: parsed.data.queryHash,
        sinceId: parsed.data.sinceId,
        newestId: parsed.data.newestId,
        nextToken: parsed.data.nextToken,
      };
    },
    async saveCursor(cursor) {
      await redis.set(keys.searchCursor, JSON.stringify(cursor));
    },
    async clearCursor() {
      await redis.del(keys.searchCursor);
    },
    async cachedUserId(handle) {
      return (await redis.hget(keys.userIds, handle.toLowerCase())) ?? undefined;
    },
    async cacheUserId(handle, id) {
      await redis.hset(keys.userIds, handle.toLowerCase(), id);
    },
  };
}
