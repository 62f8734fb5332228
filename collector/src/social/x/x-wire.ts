import { z } from 'zod';
import { type XPage, type XRateLimit, XSourceError } from './x-api';

const idSchema = z.string().regex(/^[1-9]\d{0,19}$/);

const tweetSchema = z.object({
  id: idSchema,
  text: z.string(),
  author_id: idSchema,
  created_at: z.iso.datetime({ offset: true }),
  lang: z.string().optional(),
  public_metrics: z.object({ impression_count: z.number().optional() }).optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
});

const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  public_metrics: z.object({ followers_count: z.number().optional() }).optional(),
});

const problemSchema = z.looseObject({ title: z.string().optional(), detail: z.string().optional() });

/** A page of recent search or of a user timeline, as X v2 sends it (unknown fields ignored). */
export const xPageSchema = z.object({
  data: z.array(tweetSchema).optional(),
  includes: z.object({ users: z.array(userSchema).optional() }).optional(),
  meta: z
    .object({
      result_count: z.number().int().nonnegative(),
      newest_id: idSchema.optional(),
      oldest_id: idSchema.optional(),
      next_token: z.string().min(1).optional(),
    })
    .optional(),
  errors: z.array(problemSchema).optional(),
});

export const xUserLookupSchema = z.object({
  data: z.object({ id: idSchema, username: z.string() }).optional(),
  errors: z.array(problemSchema).optional(),
});

/** Validates a page and joins each post with its author from `includes.users`. */
export function toXPage(body: unknown, rateLimit: XRateLimit | undefined, endpoint: string): XPage {
  const parsed = xPageSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new XSourceError('malformed', `X ${endpoint} answer does not match the v2 schema`, {
      endpoint,
      path: issue?.path.join('.'),
      issue: issue?.message,
    });
  }
  const page = parsed.data;
  const partialErrors = (page.errors ?? []).map((error) => error.title ?? error.detail ?? 'error');
  if (page.meta === undefined) {
    if (page.data === undefined && partialErrors.length > 0) {
      throw new XSourceError(
        'bad_request',
        `X ${endpoint} answered only errors: ${partialErrors.join('; ')}`,
        {
          endpoint,
        },
      );
    }
    if (page.data !== undefined) {
      throw new XSourceError('malformed', `X ${endpoint} answer has data but no meta`, { endpoint });
    }
  }
  const users = new Map((page.includes?.users ?? []).map((user) => [user.id, user]));
  const posts = (page.data ?? []).map((tweet) => {
    const author = users.get(tweet.author_id);
    const references = tweet.referenced_tweets ?? [];
    return {
      id: tweet.id,
      text: tweet.text,
      authorId: tweet.author_id,
      authorUsername: author?.username,
      authorFollowers: author?.public_metrics?.followers_count,
      createdAtMs: Date.parse(tweet.created_at),
      lang: tweet.lang,
      impressions: tweet.public_metrics?.impression_count,
      isRetweet: references.some((reference) => reference.type === 'retweeted'),
      isReply: references.some((reference) => reference.type === 'replied_to'),
    };
  });
  return {
    posts,
    resultCount: page.meta?.result_count ?? posts.length,
    newestId: page.meta?.newest_id ?? posts[0]?.id,
    nextToken: page.meta?.next_token,
    partialErrors,
    rateLimit,
  };
}
