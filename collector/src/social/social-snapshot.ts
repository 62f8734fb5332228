import type { Redis } from 'ioredis';
import type { ComplaintCounter } from './counting/complaint-counter';
import type { SocialKeys } from './social-keys';
import type { SocialSnapshot } from './social-metrics';
import type { ReadBudget } from './x/read-budget';

/** Reads the Redis-backed figures of all replicas for one scrape. */
export function createSnapshotReader(deps: {
  redis: Redis;
  keys: SocialKeys;
  counter: ComplaintCounter;
  /** Undefined when the X source is off. */
  budget: ReadBudget | undefined;
}): () => Promise<SocialSnapshot> {
  return async () => {
    const [window, ratio, endpoints, lastOfficial] = await Promise.all([
      deps.counter.read(),
      deps.budget?.usedRatio(),
      deps.redis.hgetall(deps.keys.sourceUp),
      deps.redis.get(deps.keys.lastOfficialStatement),
    ]);
    const states = Object.values(endpoints).map(Number);
    const sourceUp: Record<string, number> = {};
    // X is up only when every endpoint it is read through (search, timeline) last answered.
    if (deps.budget !== undefined && states.length > 0) sourceUp.x = Math.min(...states);
    return {
      window,
      readBudgetUsedRatio: ratio,
      sourceUp,
      lastOfficialStatementSeconds: lastOfficial === null ? undefined : Number(lastOfficial),
    };
  };
}
