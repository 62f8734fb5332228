import { Agent as HttpAgent } from 'node:http';
import { xApiRedirectPlugin } from '@stimawatch/core';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import type { XPostingConfig } from './console-config';

/** The only file of the alerts service that imports twitter-api-v2. */

export interface XPoster {
  /** Posts as the utility's account; resolves with the new post's id. Throws with a readable message. */
  post(text: string): Promise<{ id: string }>;
}

export function createXPoster(config: XPostingConfig): XPoster {
  const base = config.baseUrl === undefined ? undefined : new URL(config.baseUrl);
  const settings = {
    ...(base === undefined ? {} : { plugins: [xApiRedirectPlugin(base)] }),
    // https.request accepts an http: URL only with an http.Agent.
    ...(base?.protocol === 'http:' ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}),
  };
  const client =
    config.auth.kind === 'oauth1'
      ? new TwitterApi(
          {
            appKey: config.auth.appKey,
            appSecret: config.auth.appSecret,
            accessToken: config.auth.accessToken,
            accessSecret: config.auth.accessSecret,
          },
          settings,
        )
      : new TwitterApi(config.auth.accessToken, settings);
  return {
    async post(text) {
      try {
        const result = await client.v2.post<{ data: { id: string } }>(
          'tweets',
          { text },
          { timeout: config.timeoutMs },
        );
        return { id: result.data.id };
      } catch (error) {
        if (error instanceof ApiResponseError) {
          const data = (error.data ?? {}) as { title?: string; detail?: string };
          throw new Error(
            `X answered ${error.code}${data.detail ? `: ${data.detail}` : data.title ? `: ${data.title}` : ''}`,
          );
        }
        throw new Error(`X request failed: ${(error as Error).message}`);
      }
    },
  };
}
