import { createHash } from 'node:crypto';
import type { Logger } from '@stimawatch/core';
import type { Counter } from 'prom-client';
import type { MentionSink, MentionSource, PollOutcome } from '../mention';
import type { EndpointGuard } from './endpoint-guard';
import type { ReadBudget } from './read-budget';
import { type XApi, XSourceError } from './x-api';
import { xPostToMention } from './x-mention';
import type { SearchCursor, XPollState } from './x-poll-state';

export interface XSearchSourceDeps {
  api: XApi;
  query: string;
  maxPagesPerPoll: number;
  maxResults: number;
  sink: MentionSink;
  state: XPollState;
  guard: EndpointGuard;
  budget: ReadBudget;
  postsRead: Counter;
  /** Runs the poll under the cross-replica poll lock. */
  exclusive: <T>(work: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;
  logger: Logger;
  now: () => number;
}

const SEARCH_STREAM = 'search';
const MIN_RESULTS = 10;

function hashQuery(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 16);
}

/**
 * X recent search as a mention source. Each poll pages with `next_token` under one `since_id`, stores every
 * page before moving on (a cursor in Redis lets the next poll resume after a failure or the page cap), and
 * only when the last page is read moves `since_id` to the first page's `newest_id`. 429 waits for the reset;
 * 401/403, 5xx, malformed answers and network failures mark the source down and back off exponentially.
 */
export function createXSearchSource(
  deps: XSearchSourceDeps,
): MentionSource & { poll(): Promise<PollOutcome> } {
  const log = deps.logger;
  const queryHash = hashQuery(deps.query);

  const pollOnce = async (): Promise<PollOutcome> => {
    const blockedUntil = await deps.guard.blockedUntil();
    if (blockedUntil > deps.now()) {
      log.debug({ blockedUntil }, 'X search waits for rate-limit reset or backoff');
      return { retryAtMs: blockedUntil };
    }
    let cursor = await deps.state.loadCursor();
    if (cursor !== undefined && cursor.queryHash !== queryHash) {
      log.info('X search query changed: dropping the saved pagination cursor');
      await deps.state.clearCursor();
      cursor = undefined;
    }
    const sinceId = cursor === undefined ? await deps.state.sinceId(SEARCH_STREAM) : cursor.sinceId;
    // The first run reads one page only and starts from there: no budget spent on a week of history.
    const firstRun = cursor === undefined && sinceId === undefined;
    let newestId = cursor?.newestId;
    let nextToken = cursor?.nextToken;
    let pages = 0;
    try {
      while (pages < deps.maxPagesPerPoll) {
        const remaining = await deps.budget.remaining();
        if (remaining <= 0) {
          log.debug('X read budget used up for this month: search skipped');
          return {};
        }
        const page = await deps.api.searchRecent({
          query: deps.query,
          ...(sinceId === undefined ? {} : { sinceId }),
          ...(nextToken === undefined ? {} : { nextToken }),
          maxResults: Math.max(MIN_RESULTS, Math.min(deps.maxResults, remaining)),
        });
        pages += 1;
        await deps.budget.record(page.posts.length);
        deps.postsRead.inc(page.posts.length);
        if (page.partialErrors.length > 0) {
          log.warn(
            { errors: page.partialErrors.slice(0, 5), count: page.partialErrors.length },
            'X search partial answer',
          );
        }
        if (nextToken === undefined) newestId = page.newestId;
        const summary = await deps.sink(page.posts.map((post) => xPostToMention(post)));
        log.debug({ read: page.posts.length, ...summary }, 'X search page ingested');
        await deps.guard.succeeded(page.rateLimit);
        if (page.nextToken === undefined || firstRun) {
          if (newestId !== undefined) await deps.state.advanceSinceId(SEARCH_STREAM, newestId);
          await deps.state.clearCursor();
          return {};
        }
        nextToken = page.nextToken;
        const saved: SearchCursor = { queryHash, sinceId, newestId, nextToken };
        await deps.state.saveCursor(saved);
        if ((await deps.guard.blockedUntil()) > deps.now())
          return { retryAtMs: await deps.guard.blockedUntil() };
      }
      return {};
    } catch (error) {
      if (!(error instanceof XSourceError)) throw error;
      const retryAtMs = await deps.guard.failed(error);
      if (error.kind === 'bad_request' && nextToken !== undefined) await deps.state.clearCursor();
      const fields = { kind: error.kind, retryAt: new Date(retryAtMs).toISOString(), ...error.context };
      if (error.kind === 'rate_limited') log.warn(fields, 'X search rate-limited: next poll after the reset');
      else if (error.kind === 'unauthorized' || error.kind === 'forbidden') log.error(fields, error.message);
      else log.warn(fields, `X search failed: ${error.message}; backing off`);
      return { retryAtMs };
    }
  };

  return {
    source: 'x',
    async poll() {
      try {
        const result = await deps.exclusive(pollOnce);
        if (!result.ran) log.debug('X search already running on another replica');
        return result.ran ? result.value : {};
      } catch (error) {
        // Storage or Redis failed: since_id and the cursor did not move, so the next poll reads the posts again.
        log.error({ err: error }, 'X search poll failed; will retry on the next poll');
        return {};
      }
    },
  };
}
