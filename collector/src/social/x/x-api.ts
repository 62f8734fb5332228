import { type ErrorCode, StimaError } from '@stimawatch/core';

/** What the collector needs from the X API v2; the twitter-api-v2 adapter (`x-client.ts`) implements it. */
export interface XApi {
  searchRecent(params: {
    query: string;
    sinceId?: string;
    nextToken?: string;
    maxResults: number;
  }): Promise<XPage>;
  /** Null when X knows no such user. */
  userIdByUsername(username: string): Promise<string | null>;
  userTimeline(
    userId: string,
    params: { sinceId?: string; paginationToken?: string; maxResults: number },
  ): Promise<XPage>;
}

export interface XRateLimit {
  limit: number;
  remaining: number;
  resetAtMs: number;
}

export interface XPost {
  id: string;
  text: string;
  authorId: string;
  authorUsername: string | undefined;
  authorFollowers: number | undefined;
  createdAtMs: number;
  lang: string | undefined;
  impressions: number | undefined;
  isRetweet: boolean;
  isReply: boolean;
}

export interface XPage {
  /** Newest first, as X returns them. */
  posts: XPost[];
  resultCount: number;
  newestId: string | undefined;
  nextToken: string | undefined;
  /** Titles of the `errors` X returned beside the data (a partial answer). */
  partialErrors: string[];
  rateLimit: XRateLimit | undefined;
}

export const X_FAILURE_KINDS = [
  'unauthorized',
  'forbidden',
  'rate_limited',
  'server_error',
  'malformed',
  'bad_request',
  'network',
] as const;
export type XFailureKind = (typeof X_FAILURE_KINDS)[number];

const CODE_OF: Record<XFailureKind, ErrorCode> = {
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  rate_limited: 'RATE_LIMITED',
  server_error: 'UNAVAILABLE',
  malformed: 'UNAVAILABLE',
  bad_request: 'VALIDATION',
  network: 'UNAVAILABLE',
};

/** A failed X API call, classified so the poller knows whether to wait, back off or mark the source down. */
export class XSourceError extends StimaError {
  readonly kind: XFailureKind;
  readonly rateLimit: XRateLimit | undefined;

  constructor(
    kind: XFailureKind,
    message: string,
    context: Record<string, unknown> = {},
    cause?: unknown,
    rateLimit?: XRateLimit,
  ) {
    super(CODE_OF[kind], message, { ...context, kind }, cause);
    this.name = 'XSourceError';
    this.kind = kind;
    this.rateLimit = rateLimit;
  }
}
