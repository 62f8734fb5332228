import { Agent as HttpAgent } from 'node:http';
import { xApiRedirectPlugin } from '@stimawatch/core';
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  TwitterApi,
  type TwitterRateLimit,
} from 'twitter-api-v2';
import { type XApi, type XRateLimit, XSourceError } from './x-api';
import { toXPage, xUserLookupSchema } from './x-wire';

/** The only file that imports twitter-api-v2. */

export interface XClientOptions {
  /** App-only bearer token (recent search and timelines are read with it). */
  bearerToken: string;
  /** Replaces https://api.x.com (the fake X API); twitter-api-v2 has no base-URL setting, so a plugin does it. */
  baseUrl?: string | undefined;
  timeoutMs: number;
}

const TWEET_FIELDS = 'created_at,author_id,public_metrics,lang,referenced_tweets';
const USER_FIELDS = 'username,public_metrics';

function toRateLimit(rateLimit: TwitterRateLimit | undefined): XRateLimit | undefined {
  if (rateLimit === undefined || !Number.isFinite(rateLimit.reset)) return undefined;
  return { limit: rateLimit.limit, remaining: rateLimit.remaining, resetAtMs: rateLimit.reset * 1000 };
}

/** Classifies what twitter-api-v2 threw; the messages say why, for the log, without secrets. */
export function toXSourceError(error: unknown, endpoint: string): XSourceError {
  if (error instanceof XSourceError) return error;
  if (error instanceof ApiResponseError) {
    const data = (error.data ?? {}) as { title?: string; detail?: string; reason?: string };
    const context = { endpoint, status: error.code, title: data.title, reason: data.reason };
    const rateLimit = toRateLimit(error.rateLimit);
    if (error.rateLimitError) {
      return new XSourceError(
        'rate_limited',
        `X rate limit reached on ${endpoint}`,
        context,
        error,
        rateLimit,
      );
    }
    if (error.code === 401) {
      return new XSourceError(
        'unauthorized',
        'X rejected the bearer token (401): check X_BEARER_TOKEN',
        context,
      );
    }
    if (error.code === 403) {
      const why = data.reason ?? data.title ?? 'forbidden';
      return new XSourceError(
        'forbidden',
        `X refused access to ${endpoint} (403 ${why}): the app's access level does not include it`,
        context,
      );
    }
    if (error.code >= 500) {
      return new XSourceError(
        'server_error',
        `X answered ${error.code} on ${endpoint}`,
        context,
        error,
        rateLimit,
      );
    }
    return new XSourceError(
      'bad_request',
      `X answered ${error.code} on ${endpoint}: ${data.detail ?? ''}`,
      context,
    );
  }
  if (error instanceof ApiPartialResponseError) {
    return new XSourceError('malformed', `X answer on ${endpoint} could not be parsed`, { endpoint }, error);
  }
  if (error instanceof ApiRequestError) {
    return new XSourceError(
      'network',
      `X request on ${endpoint} failed: ${error.requestError?.message ?? error.message}`,
      {
        endpoint,
      },
    );
  }
  return new XSourceError('network', `X request on ${endpoint} failed: ${(error as Error).message}`, {
    endpoint,
  });
}

export function createXClient(options: XClientOptions): XApi {
  const base = options.baseUrl === undefined ? undefined : new URL(options.baseUrl);
  const client = new TwitterApi(options.bearerToken, {
    ...(base === undefined ? {} : { plugins: [xApiRedirectPlugin(base)] }),
    // https.request accepts an http: URL only with an http.Agent.
    ...(base?.protocol === 'http:' ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}),
  }).readOnly.v2;

  const get = async (endpoint: string, path: string, query: Record<string, string | number | undefined>) => {
    try {
      const response = await client.get(path, query, { fullResponse: true, timeout: options.timeoutMs });
      return { body: response.data as unknown, rateLimit: toRateLimit(response.rateLimit) };
    } catch (error) {
      throw toXSourceError(error, endpoint);
    }
  };

  return {
    async searchRecent(params) {
      const { body, rateLimit } = await get('search', 'tweets/search/recent', {
        query: params.query,
        since_id: params.sinceId,
        next_token: params.nextToken,
        max_results: params.maxResults,
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id',
        'user.fields': USER_FIELDS,
      });
      return toXPage(body, rateLimit, 'search');
    },

    async userIdByUsername(username) {
      const { body } = await get('user-lookup', `users/by/username/${encodeURIComponent(username)}`, {});
      const parsed = xUserLookupSchema.safeParse(body);
      if (!parsed.success)
        throw new XSourceError('malformed', 'X user lookup answer is malformed', { username });
      return parsed.data.data?.id ?? null;
    },

    async userTimeline(userId, params) {
      const { body, rateLimit } = await get('timeline', `users/${userId}/tweets`, {
        since_id: params.sinceId,
        pagination_token: params.paginationToken,
        max_results: params.maxResults,
        exclude: 'replies,retweets',
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id',
        'user.fields': USER_FIELDS,
      });
      return toXPage(body, rateLimit, 'timeline');
    },
  };
}
