import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleFakeXAdmin } from './fake-x-admin';
import { listPage } from './fake-x-page';
import {
  createFakeXStore,
  type FakeXPost,
  type FakeXPostInput,
  type FakeXUser,
  type FakeXUserInput,
  matchesSearchQuery,
  parseSearchQuery,
  userWire,
} from './fake-x-store';
import {
  type FakeXFault,
  type FakeXReply,
  fieldSet,
  invalidRequest,
  notFound,
  readJson,
  renderFakeXFault,
  xProblem,
} from './fake-x-wire';

export type { FakeXPost, FakeXPostInput, FakeXUser, FakeXUserInput } from './fake-x-store';

export { FAKE_X_FAULTS, type FakeXFault } from './fake-x-wire';

export interface FakeXServerOptions {
  port?: number;
  /** Requests allowed per endpoint and window before 429 (X: 450 per 15 min for app-only recent search). */
  rateLimitPerWindow?: number;
  windowSeconds?: number;
  /** When set, reads must present this app-only bearer token (401 otherwise). */
  bearerToken?: string;
  /** `POST /2/tweets` with a token matching no user publishes as this user (403 when unset). */
  defaultPublisherUsername?: string;
}

export interface FakeXRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  at: number;
}

export interface FakeXServer {
  url: string;
  close(): Promise<void>;
  addUser(user: FakeXUserInput): FakeXUser;
  addPost(post: FakeXPostInput): FakeXPost;
  /** Answers the next `times` API requests (default: until cleared) with the fault; `null` clears it. */
  setFault(fault: FakeXFault | null, options?: { times?: number; pathPrefix?: string }): void;
  requests: FakeXRequest[];
  publishedPosts: FakeXPost[];
}

type Reply = FakeXReply;

const SEARCH_PATH = '/2/tweets/search/recent';
const MAX_LOGGED_REQUESTS = 10_000;

/**
 * A fake of the X API v2 on 127.0.0.1 speaking the real wire format (bodies, rate-limit headers, problem
 * documents), so the real twitter-api-v2 client can be pointed at it. Admin routes under `/__fake/` let another
 * process (the simulator) add users and posts or inject faults.
 */
export async function startFakeXServer(options: FakeXServerOptions = {}): Promise<FakeXServer> {
  const store = createFakeXStore();
  const requests: FakeXRequest[] = [];
  const publishedPosts: FakeXPost[] = [];
  const limitPerWindow = options.rateLimitPerWindow ?? 450;
  const windowMs = (options.windowSeconds ?? 900) * 1000;
  const windows = new Map<string, { startMs: number; used: number }>();
  let fault: { kind: FakeXFault; remaining: number; pathPrefix: string } | null = null;

  const setFault: FakeXServer['setFault'] = (kind, faultOptions = {}) => {
    fault =
      kind === null
        ? null
        : {
            kind,
            remaining: faultOptions.times ?? Number.POSITIVE_INFINITY,
            pathPrefix: faultOptions.pathPrefix ?? '/2/',
          };
  };

  const rateWindow = (endpoint: string, now: number) => {
    let window = windows.get(endpoint);
    if (window === undefined || now >= window.startMs + windowMs) {
      window = { startMs: now, used: 0 };
      windows.set(endpoint, window);
    }
    return window;
  };

  const handleApi = async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<Reply | 'sent'> => {
    const now = Date.now();
    const endpoint = endpointOf(req.method ?? 'GET', url.pathname);
    if (endpoint === undefined) return { status: 404, body: xProblem(404, 'Not Found Error', 'Not Found') };
    const window = rateWindow(endpoint, now);
    const resetSeconds = Math.ceil((window.startMs + windowMs) / 1000);
    const exhausted = window.used >= limitPerWindow;
    if (!exhausted) window.used += 1;
    res.setHeader('x-rate-limit-limit', String(limitPerWindow));
    res.setHeader('x-rate-limit-remaining', String(Math.max(0, limitPerWindow - window.used)));
    res.setHeader('x-rate-limit-reset', String(resetSeconds));
    const activeFault = fault !== null && url.pathname.startsWith(fault.pathPrefix) ? fault : null;
    if (activeFault !== null) {
      activeFault.remaining -= 1;
      if (activeFault.remaining <= 0) fault = null;
    }
    if (activeFault?.kind === 'rate_limited' || exhausted) {
      res.setHeader('x-rate-limit-remaining', '0');
      return { status: 429, body: xProblem(429, 'Too Many Requests', 'Too Many Requests') };
    }
    if (activeFault !== null && activeFault.kind !== 'partial_error' && activeFault.kind !== 'empty') {
      const rendered = renderFakeXFault(activeFault.kind);
      if (typeof rendered.body === 'string') {
        res.writeHead(rendered.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(rendered.body);
        return 'sent';
      }
      return rendered;
    }
    const authFailure = checkAuth(req, endpoint);
    if (authFailure !== undefined) return authFailure;
    const reply =
      activeFault?.kind === 'empty' && endpoint !== 'post-tweet'
        ? { status: 200, body: { meta: { result_count: 0 } } }
        : await route(endpoint, req, url);
    return activeFault?.kind === 'partial_error' ? withPartialError(reply) : reply;
  };

  const checkAuth = (req: IncomingMessage, endpoint: string): Reply | undefined => {
    if (endpoint === 'post-tweet' || options.bearerToken === undefined) return undefined;
    if (req.headers.authorization === `Bearer ${options.bearerToken}`) return undefined;
    return { status: 401, body: xProblem(401, 'Unauthorized', 'Unauthorized') };
  };

  const route = async (endpoint: string, req: IncomingMessage, url: URL): Promise<Reply> => {
    const params = url.searchParams;
    if (endpoint === 'search') return search(params);
    if (endpoint === 'user-by-username') {
      const username = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      const user = store.userByUsername(username);
      if (user === undefined) return { status: 200, body: { errors: [notFound('username', username)] } };
      return { status: 200, body: { data: userWire(user, fieldSet(params.get('user.fields'))) } };
    }
    if (endpoint === 'user-tweets') return userTweets(url.pathname.split('/')[3] ?? '', params);
    return publish(req);
  };

  const search = (params: URLSearchParams): Reply => {
    const query = params.get('query') ?? '';
    if (query.trim() === '' || query.length > 512) {
      return invalidRequest('query', query, 'The `query` query parameter value is missing or too long');
    }
    const parsed = parseSearchQuery(query);
    const matching = store.posts.filter((post) =>
      matchesSearchQuery(parsed, post, store.users.get(post.authorId)),
    );
    return listPage(store, matching, params, 'next_token', 10);
  };

  const userTweets = (userId: string, params: URLSearchParams): Reply => {
    if (!store.users.has(userId)) return { status: 200, body: { errors: [notFound('id', userId)] } };
    const exclude = new Set((params.get('exclude') ?? '').split(','));
    const posts = store.posts.filter(
      (post) =>
        post.authorId === userId &&
        !(exclude.has('retweets') && post.referencedTweets.some((ref) => ref.type === 'retweeted')) &&
        !(exclude.has('replies') && post.referencedTweets.some((ref) => ref.type === 'replied_to')),
    );
    return listPage(store, posts, params, 'pagination_token', 5);
  };

  const publish = async (req: IncomingMessage): Promise<Reply> => {
    const author = publisherOf(req.headers.authorization);
    if (author === undefined) {
      return {
        status: 403,
        body: xProblem(
          403,
          'Unsupported Authentication',
          'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
          'https://api.twitter.com/2/problems/unsupported-authentication',
        ),
      };
    }
    const body = await readJson(req);
    const text = (body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.trim() === '' || text.length > 280) {
      return invalidRequest('text', String(text), 'The `text` field must be 1 to 280 characters');
    }
    const post = store.addPost({ text, authorId: author.id });
    publishedPosts.push(post);
    return {
      status: 201,
      body: { data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } },
    };
  };

  const publisherOf = (authorization: string | undefined): FakeXUser | undefined => {
    const token =
      /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ??
      /oauth_token="([^"]+)"/.exec(authorization ?? '')?.[1];
    const byToken = token === undefined ? undefined : store.userByToken(decodeURIComponent(token));
    if (byToken !== undefined) return byToken;
    if (options.defaultPublisherUsername === undefined) return undefined;
    return (
      store.userByUsername(options.defaultPublisherUsername) ??
      store.addUser({ username: options.defaultPublisherUsername })
    );
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isAdmin = url.pathname.startsWith('/__fake/');
    const handled = isAdmin
      ? handleFakeXAdmin(req, url, { store, requests, publishedPosts, setFault })
      : handleApi(req, url, res);
    handled
      .catch((error: unknown): Reply => ({ status: 400, body: { error: (error as Error).message } }))
      .then((reply) => {
        if (!isAdmin) {
          const status = reply === 'sent' ? res.statusCode : reply.status;
          // A long-running local fake keeps the latest requests only.
          if (requests.length >= MAX_LOGGED_REQUESTS)
            requests.splice(0, requests.length - MAX_LOGGED_REQUESTS + 1);
          requests.push({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            status,
            at: Date.now(),
          });
        }
        if (reply === 'sent') return;
        if (reply.body === undefined) {
          res.writeHead(reply.status).end();
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(reply.body));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    addUser: store.addUser,
    addPost: store.addPost,
    setFault,
    requests,
    publishedPosts,
  };
}

function endpointOf(method: string, path: string): string | undefined {
  if (method === 'GET' && path === SEARCH_PATH) return 'search';
  if (method === 'GET' && /^\/2\/users\/by\/username\/[^/]+$/.test(path)) return 'user-by-username';
  if (method === 'GET' && /^\/2\/users\/\d+\/tweets$/.test(path)) return 'user-tweets';
  if (method === 'POST' && path === '/2/tweets') return 'post-tweet';
  return undefined;
}

function withPartialError(reply: Reply): Reply {
  if (reply.status !== 200) return reply;
  const body = { ...(reply.body as Record<string, unknown>) };
  const includes = body.includes as { users?: { id: string }[] } | undefined;
  const dropped = includes?.users?.[0];
  if (includes?.users !== undefined && dropped !== undefined) {
    body.includes = { ...includes, users: includes.users.slice(1) };
  }
  body.errors = [notFound('author_id', dropped?.id ?? '0', 'user')];
  return { status: 200, body };
}
