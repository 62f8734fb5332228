import type { Redis } from 'ioredis';
import type { SocialKeys } from '../social-keys';
import { isCopyPasteCandidate, textFingerprint } from './text-fingerprint';

/**
 * Marks a text as seen for its author and (when long enough) across authors, and reports a repeat when the
 * same text was seen from this author under another post id, or from another author, within the window.
 * Seeing the same post again (a retried poll) is not a repeat. KEYS: per-author key, cross-author key.
 * ARGV: post key, author key, window ms, cross-author check (1/0).
 */
const REPEAT_SCRIPT = `
local own = redis.call('GET', KEYS[1])
if own and own ~= ARGV[1] then return 1 end
if not own then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) end
if ARGV[4] == '1' then
  local value = ARGV[2] .. '|' .. ARGV[1]
  local seen = redis.call('GET', KEYS[2])
  if not seen then
    redis.call('SET', KEYS[2], value, 'PX', ARGV[3])
  elseif string.sub(seen, 1, #ARGV[2] + 1) ~= ARGV[2] .. '|' then
    return 1
  end
end
return 0
`;

export interface RepeatCandidate {
  postKey: string;
  authorKey: string;
  text: string;
}

export interface RepeatFilter {
  /** For each candidate (in the order given, oldest first), whether it repeats an earlier post. */
  check(candidates: readonly RepeatCandidate[]): Promise<boolean[]>;
}

export function createRepeatFilter(redis: Redis, keys: SocialKeys, windowMs: number): RepeatFilter {
  return {
    async check(candidates) {
      if (candidates.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const candidate of candidates) {
        const fingerprint = textFingerprint(candidate.text);
        pipeline.eval(
          REPEAT_SCRIPT,
          2,
          keys.repeatByAuthor(candidate.authorKey, fingerprint),
          keys.repeatByText(fingerprint),
          candidate.postKey,
          candidate.authorKey,
          String(windowMs),
          isCopyPasteCandidate(candidate.text) ? '1' : '0',
        );
      }
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, value]) => {
        if (error) throw error;
        return value === 1;
      });
    },
  };
}
