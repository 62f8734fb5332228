import type { Logger } from '@stimawatch/core';
import type { Counter } from 'prom-client';
import type { Classify, MentionSink, PollOutcome } from '../mention';
import type { StatementRecorder } from '../statements/statement-recorder';
import type { EndpointGuard } from './endpoint-guard';
import type { ReadBudget } from './read-budget';
import { type XApi, type XPost, XSourceError } from './x-api';
import { xPostToMention } from './x-mention';
import type { XPollState } from './x-poll-state';

export interface OfficialWatcherDeps {
  api: XApi;
  handles: readonly string[];
  state: XPollState;
  guard: EndpointGuard;
  budget: ReadBudget;
  postsRead: Counter;
  sink: MentionSink;
  classify: Classify;
  statements: StatementRecorder;
  exclusive: <T>(work: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;
  logger: Logger;
  now: () => number;
}

const MAX_PAGES = 3;
/** On the first run only the latest few posts are read: enough to know when the utility last spoke. */
const FIRST_RUN_RESULTS = 5;

/**
 * Watches the utility's own timelines (replies and retweets excluded): every new post is a public statement.
 * It is stored as an `official` mention, raises `stimawatch_last_official_statement_timestamp_seconds` and is
 * queued for delivery to the alerts service; only then does the timeline's since_id move.
 */
export function createOfficialWatcher(deps: OfficialWatcherDeps): { poll(): Promise<PollOutcome> } {
  const log = deps.logger;

  const userIdOf = async (handle: string): Promise<string | undefined> => {
    const cached = await deps.state.cachedUserId(handle);
    if (cached !== undefined) return cached;
    const id = await deps.api.userIdByUsername(handle);
    if (id === null) {
      log.error({ handle }, 'official handle not found on X (check X_OFFICIAL_HANDLES)');
      return undefined;
    }
    await deps.state.cacheUserId(handle, id);
    return id;
  };

  const watchOne = async (handle: string): Promise<void> => {
    const userId = await userIdOf(handle);
    if (userId === undefined) return;
    const stream = `timeline:${userId}`;
    const sinceId = await deps.state.sinceId(stream);
    const posts: XPost[] = [];
    let newestId: string | undefined;
    let paginationToken: string | undefined;
    for (let page = 0; page < (sinceId === undefined ? 1 : MAX_PAGES); page += 1) {
      if ((await deps.budget.remaining()) <= 0) break;
      const result = await deps.api.userTimeline(userId, {
        ...(sinceId === undefined ? {} : { sinceId }),
        ...(paginationToken === undefined ? {} : { paginationToken }),
        maxResults: sinceId === undefined ? FIRST_RUN_RESULTS : 100,
      });
      await deps.budget.record(result.posts.length);
      deps.postsRead.inc(result.posts.length);
      await deps.guard.succeeded(result.rateLimit);
      if (page === 0) newestId = result.newestId;
      posts.push(...result.posts);
      paginationToken = result.nextToken;
      if (paginationToken === undefined) break;
    }
    if (posts.length > 0) {
      await deps.sink(posts.map((post) => xPostToMention(post, true)));
      for (const post of [...posts].sort((a, b) => a.createdAtMs - b.createdAtMs)) {
        const { lang } = deps.classify({ text: post.text, authorHandle: handle, isOfficialAccount: true });
        await deps.statements.published({
          postId: post.id,
          text: post.text,
          lang,
          createdAtMs: post.createdAtMs,
        });
      }
      log.info({ handle, posts: posts.length }, 'new official posts recorded as statements');
    }
    if (newestId !== undefined) await deps.state.advanceSinceId(stream, newestId);
  };

  const pollOnce = async (): Promise<PollOutcome> => {
    const blockedUntil = await deps.guard.blockedUntil();
    if (blockedUntil > deps.now()) return { retryAtMs: blockedUntil };
    for (const handle of deps.handles) {
      try {
        await watchOne(handle);
      } catch (error) {
        if (!(error instanceof XSourceError)) throw error;
        const retryAtMs = await deps.guard.failed(error);
        const fields = {
          handle,
          kind: error.kind,
          retryAt: new Date(retryAtMs).toISOString(),
          ...error.context,
        };
        if (error.kind === 'unauthorized' || error.kind === 'forbidden') log.error(fields, error.message);
        else log.warn(fields, `official timeline poll failed: ${error.message}`);
        return { retryAtMs };
      }
    }
    return {};
  };

  return {
    async poll() {
      try {
        const result = await deps.exclusive(pollOnce);
        return result.ran ? result.value : {};
      } catch (error) {
        log.error({ err: error }, 'official timeline poll failed; will retry on the next poll');
        return {};
      }
    },
  };
}
