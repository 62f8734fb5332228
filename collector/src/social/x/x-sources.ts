import type { Logger } from '@stimawatch/core';
import type { Redis } from 'ioredis';
import type { Counter } from 'prom-client';
import type { Classify, MentionSink } from '../mention';
import type { XSourceConfig } from '../social-config';
import type { SocialKeys } from '../social-keys';
import type { StatementRecorder } from '../statements/statement-recorder';
import { createEndpointGuard } from './endpoint-guard';
import { createOfficialWatcher } from './official-watcher';
import { withPollLock } from './poll-lock';
import { createReadBudget } from './read-budget';
import type { XApi } from './x-api';
import { createXClient } from './x-client';
import { createXPollState } from './x-poll-state';
import { createXSearchSource } from './x-search-source';

/** Wires the X client, its Redis-backed state, the recent-search source and the official-account watcher. */
export function createXSources(deps: {
  config: XSourceConfig;
  redis: Redis;
  keys: SocialKeys;
  logger: Logger;
  now: () => number;
  /** Replaces the twitter-api-v2 client (tests of failure handling). */
  api?: XApi;
}) {
  const { config, redis, keys, now } = deps;
  const api =
    deps.api ??
    createXClient({
      bearerToken: config.bearerToken,
      baseUrl: config.baseUrl,
      timeoutMs: config.requestTimeoutMs,
    });
  const state = createXPollState(redis, keys);
  const budget = createReadBudget(redis, keys, {
    monthlyBudget: config.monthlyReadBudget,
    now,
    logger: deps.logger,
  });
  const guardOptions = { backoffBaseMs: config.backoffBaseMs, backoffMaxMs: config.backoffMaxMs, now };
  // A poll never outlives its lease: pages × request timeout, twice over, plus the time to store them.
  const leaseMs = config.maxPagesPerPoll * config.requestTimeoutMs * 2 + 30_000;
  const exclusive =
    (name: string) =>
    <T>(work: () => Promise<T>) =>
      withPollLock(redis, keys.pollLock(name), leaseMs, work);

  return {
    budget,
    search: (wiring: { sink: MentionSink; postsRead: Counter }) =>
      createXSearchSource({
        api,
        query: config.searchQuery,
        maxPagesPerPoll: config.maxPagesPerPoll,
        maxResults: config.maxResults,
        sink: wiring.sink,
        state,
        guard: createEndpointGuard(redis, keys, 'search', guardOptions),
        budget,
        postsRead: wiring.postsRead,
        exclusive: exclusive('search'),
        logger: deps.logger.child({ poller: 'search' }),
        now,
      }),
    official: (wiring: {
      sink: MentionSink;
      postsRead: Counter;
      classify: Classify;
      statements: StatementRecorder;
    }) =>
      createOfficialWatcher({
        api,
        handles: config.officialHandles,
        state,
        guard: createEndpointGuard(redis, keys, 'timeline', guardOptions),
        budget,
        postsRead: wiring.postsRead,
        sink: wiring.sink,
        classify: wiring.classify,
        statements: wiring.statements,
        exclusive: exclusive('timeline'),
        logger: deps.logger.child({ poller: 'official' }),
        now,
      }),
  };
}
