/** Users and posts of the fake X API, with the v2 wire shapes and a simple recent-search matcher. */

export interface FakeXUserInput {
  id?: string;
  username: string;
  name?: string;
  followersCount?: number;
  /** A user-context access token; `POST /2/tweets` with it publishes as this user. */
  accessToken?: string;
}

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
  followersCount: number;
  accessToken?: string;
}

export interface FakeXPostInput {
  id?: string;
  text: string;
  /** The author, by id or by username (created on demand when unknown). */
  authorId?: string;
  authorUsername?: string;
  createdAt?: Date | string | number;
  lang?: string;
  impressionCount?: number;
  likeCount?: number;
  retweetCount?: number;
  replyCount?: number;
  /** Makes this post a retweet of the given post id. */
  retweetOf?: string;
  /** Makes this post a reply to the given post id. */
  replyTo?: string;
  quoteOf?: string;
}

export interface FakeXPost {
  id: string;
  text: string;
  authorId: string;
  createdAt: Date;
  lang: string;
  impressionCount: number;
  likeCount: number;
  retweetCount: number;
  replyCount: number;
  referencedTweets: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[];
}

const TWITTER_EPOCH_MS = 1_288_834_974_657n;

/** Snowflake-like ids: the time in the high bits, strictly increasing in insertion order. */
export function createSnowflakeIds(): () => string {
  let last = 0n;
  return () => {
    const fromClock = (BigInt(Date.now()) - TWITTER_EPOCH_MS) << 22n;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

interface ParsedQuery {
  anyOf: string[];
  noneOf: string[];
  excludeRetweets: boolean;
  excludeReplies: boolean;
}

/**
 * A deliberately simple reading of the X query language: every positive term or quoted phrase is an
 * alternative (keyword/OR match, case-insensitive), `-term` excludes, `-is:retweet`/`-is:reply` are honoured,
 * `from:user` matches the author, other operators (`lang:`, `has:`) are ignored.
 */
export function parseSearchQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { anyOf: [], noneOf: [], excludeRetweets: false, excludeReplies: false };
  const tokens = query.replace(/[()]/g, ' ').match(/-?"[^"]*"|\S+/g) ?? [];
  for (const raw of tokens) {
    if (raw === 'OR' || raw === 'AND') continue;
    const negated = raw.startsWith('-');
    const token = (negated ? raw.slice(1) : raw).replace(/^"|"$/g, '').toLowerCase();
    if (token === '') continue;
    if (token === 'is:retweet') {
      if (negated) parsed.excludeRetweets = true;
      continue;
    }
    if (token === 'is:reply') {
      if (negated) parsed.excludeReplies = true;
      continue;
    }
    if (/^[a-z_]+:/.test(token) && !token.startsWith('from:')) continue;
    (negated ? parsed.noneOf : parsed.anyOf).push(token);
  }
  return parsed;
}

export function matchesSearchQuery(
  query: ParsedQuery,
  post: FakeXPost,
  author: FakeXUser | undefined,
): boolean {
  if (query.excludeRetweets && post.referencedTweets.some((ref) => ref.type === 'retweeted')) return false;
  if (query.excludeReplies && post.referencedTweets.some((ref) => ref.type === 'replied_to')) return false;
  const haystack = `${post.text} from:${author?.username ?? ''}`.toLowerCase();
  if (query.noneOf.some((term) => haystack.includes(term))) return false;
  return query.anyOf.length === 0 || query.anyOf.some((term) => haystack.includes(term));
}

export interface FakeXStore {
  users: Map<string, FakeXUser>;
  posts: FakeXPost[];
  addUser(input: FakeXUserInput): FakeXUser;
  addPost(input: FakeXPostInput): FakeXPost;
  userByUsername(username: string): FakeXUser | undefined;
  userByToken(token: string): FakeXUser | undefined;
}

export function createFakeXStore(): FakeXStore {
  const nextId = createSnowflakeIds();
  const users = new Map<string, FakeXUser>();
  const posts: FakeXPost[] = [];

  const userByUsername = (username: string) =>
    [...users.values()].find((user) => user.username.toLowerCase() === username.toLowerCase());

  const addUser = (input: FakeXUserInput): FakeXUser => {
    const existing = userByUsername(input.username);
    const user: FakeXUser = {
      id: input.id ?? existing?.id ?? nextId(),
      username: input.username,
      name: input.name ?? existing?.name ?? input.username,
      followersCount: input.followersCount ?? existing?.followersCount ?? 100,
      ...(input.accessToken === undefined ? {} : { accessToken: input.accessToken }),
    };
    users.set(user.id, user);
    return user;
  };

  const addPost = (input: FakeXPostInput): FakeXPost => {
    const author =
      (input.authorId === undefined ? undefined : users.get(input.authorId)) ??
      (input.authorUsername === undefined
        ? undefined
        : (userByUsername(input.authorUsername) ?? addUser({ username: input.authorUsername })));
    if (author === undefined) throw new Error('fake X post needs a known authorId or an authorUsername');
    const referencedTweets: FakeXPost['referencedTweets'] = [];
    if (input.retweetOf !== undefined) referencedTweets.push({ type: 'retweeted', id: input.retweetOf });
    if (input.quoteOf !== undefined) referencedTweets.push({ type: 'quoted', id: input.quoteOf });
    if (input.replyTo !== undefined) referencedTweets.push({ type: 'replied_to', id: input.replyTo });
    const post: FakeXPost = {
      id: input.id ?? nextId(),
      text: input.text,
      authorId: author.id,
      createdAt: input.createdAt === undefined ? new Date() : new Date(input.createdAt),
      lang: input.lang ?? 'en',
      impressionCount: input.impressionCount ?? 0,
      likeCount: input.likeCount ?? 0,
      retweetCount: input.retweetCount ?? 0,
      replyCount: input.replyCount ?? 0,
      referencedTweets,
    };
    posts.push(post);
    return post;
  };

  return {
    users,
    posts,
    addUser,
    addPost,
    userByUsername,
    userByToken: (token) => [...users.values()].find((user) => user.accessToken === token),
  };
}

/** A post as X v2 serialises it: `id`, `text`, `edit_history_tweet_ids`, plus the requested `tweet.fields`. */
export function tweetWire(post: FakeXPost, fields: ReadonlySet<string>): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  if (fields.has('created_at')) wire.created_at = post.createdAt.toISOString();
  if (fields.has('author_id')) wire.author_id = post.authorId;
  if (fields.has('lang')) wire.lang = post.lang;
  if (fields.has('public_metrics')) {
    wire.public_metrics = {
      retweet_count: post.retweetCount,
      reply_count: post.replyCount,
      like_count: post.likeCount,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: post.impressionCount,
    };
  }
  if (fields.has('referenced_tweets') && post.referencedTweets.length > 0) {
    wire.referenced_tweets = post.referencedTweets;
  }
  return wire;
}

export function userWire(user: FakeXUser, fields: ReadonlySet<string>): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  if (fields.has('public_metrics')) {
    wire.public_metrics = {
      followers_count: user.followersCount,
      following_count: 0,
      tweet_count: 0,
      listed_count: 0,
    };
  }
  return wire;
}
