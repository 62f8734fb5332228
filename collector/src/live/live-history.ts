import type { Logger } from '@stimawatch/core';
import type { Redis } from 'ioredis';
import type { LiveAggregator, MinuteCounts } from './live-aggregator';

/** Reads the cross-replica per-minute counters written by the tracking script, in one round trip. */
export async function readMinuteHistory(
  redis: Redis,
  keyPrefix: string,
  minutes: readonly number[],
): Promise<Map<number, MinuteCounts>> {
  const pipeline = redis.pipeline();
  for (const minute of minutes) pipeline.hmget(`${keyPrefix}:m:${minute}`, 'tok', 'fail', 'all');
  const replies = (await pipeline.exec()) ?? [];
  const history = new Map<number, MinuteCounts>();
  for (const [index, [error, reply]] of replies.entries()) {
    if (error !== null) throw error;
    const [tokens, failures, counted] = reply as Array<string | null>;
    if (tokens === null && failures === null && counted === null) continue;
    history.set(minutes[index] as number, {
      tokens: Number(tokens ?? 0),
      failures: Number(failures ?? 0),
      counted: Number(counted ?? 0),
    });
  }
  return history;
}

export interface LiveHistoryRefresher {
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
}

/** Keeps the aggregator's history fresh while Redis answers; without Redis the console shows local counts. */
export function createLiveHistoryRefresher(deps: {
  redis: Redis;
  keyPrefix: string;
  aggregator: LiveAggregator;
  isReady: () => boolean;
  logger: Logger;
  intervalMs?: number;
}): LiveHistoryRefresher {
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  async function refresh(): Promise<void> {
    if (!deps.isReady()) return;
    try {
      deps.aggregator.setHistory(
        await readMinuteHistory(deps.redis, deps.keyPrefix, deps.aggregator.historyMinutes()),
      );
      failing = false;
    } catch (error) {
      if (!failing) deps.logger.warn({ err: (error as Error).message }, 'live history refresh failed');
      failing = true;
    }
  }
  return {
    refresh,
    start() {
      if (timer !== undefined) return;
      timer = setInterval(() => void refresh(), deps.intervalMs ?? 5000);
      timer.unref();
      void refresh();
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
