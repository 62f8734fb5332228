import { type Logger, StimaError } from '@stimawatch/core';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ApiTokens } from '../api-tokens';
import { ANY_ROLE, requireRole } from '../http/auth';
import type { AlertsHttpEnv } from '../http/http-env';
import type { LiveHub } from './live-hub';

export interface CollectorProxyDeps {
  collectorUrl: string;
  feedToken: string | undefined;
  hub: LiveHub;
  apiTokens: ApiTokens;
  logger: Logger;
  fetch?: typeof fetch;
  /** A browser's live stream is closed after this long, so its session is checked again on reconnect. */
  maxStreamMs?: number;
  /** Ends open streams on shutdown. */
  shutdownSignal?: AbortSignal;
}

const FORWARDED_PATHS = ['/v1/mentions', '/v1/mentions/summary'] as const;

/**
 * Read-only views of the collector for the console, on the console's origin and behind its sign-in:
 * `GET /v1/live` (server-sent events fanned out from one upstream stream), `GET /v1/live/snapshot`,
 * `GET /v1/mentions` and `GET /v1/mentions/summary` (forwarded with the feed token when one is set).
 */
export function collectorProxyRoutes(deps: CollectorProxyDeps): Hono<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'collector-proxy' });
  const doFetch = deps.fetch ?? fetch;
  const readers = requireRole(deps.apiTokens, ANY_ROLE);

  async function forward(c: Context, path: string): Promise<Response> {
    const query = new URL(c.req.url).search;
    if (query.length > 2000) throw new StimaError('VALIDATION', 'query string too long');
    let upstream: Response;
    try {
      upstream = await doFetch(`${deps.collectorUrl}${path}${query}`, {
        headers: {
          Accept: 'application/json',
          ...(deps.feedToken !== undefined && { Authorization: `Bearer ${deps.feedToken}` }),
        },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (cause) {
      log.warn({ path, err: (cause as Error).message }, 'collector did not answer');
      throw new StimaError('UNAVAILABLE', 'the collector did not answer; try again shortly', {}, cause);
    }
    // The browser must not mistake the collector refusing our token for its own session ending.
    if (upstream.status === 401 || upstream.status === 403) {
      log.error({ path, status: upstream.status }, 'collector refused the feed token (COLLECTOR_FEED_TOKEN)');
      throw new StimaError('UNAVAILABLE', 'the collector refused the console; check COLLECTOR_FEED_TOKEN');
    }
    return new Response(await upstream.arrayBuffer(), {
      status: upstream.status,
      headers: {
        'Content-Type': upstream.headers.get('content-type') ?? 'application/json',
        'Cache-Control': 'no-store',
      },
    });
  }

  const app = new Hono<AlertsHttpEnv>();
  for (const path of FORWARDED_PATHS) app.get(path, readers, (c) => forward(c, path));
  app.get('/v1/live/snapshot', readers, (c) => {
    const latest = deps.hub.latest();
    if (latest === undefined) return forward(c, '/v1/live/snapshot');
    return c.body(latest, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  });
  app.get('/v1/live', readers, (c) => {
    const response = streamSSE(c, async (stream) => {
      let id = 0;
      let writing = false;
      let pending: string | undefined;
      let endNow: () => void = () => undefined;
      // A slow client gets the newest snapshot when it is ready again, never a growing queue of old ones.
      const send = async (data: string) => {
        if (writing) {
          pending = data;
          return;
        }
        writing = true;
        let next: string | undefined = data;
        try {
          while (next !== undefined && !stream.aborted) {
            pending = undefined;
            await stream.writeSSE({ event: 'snapshot', id: String(id++), data: next });
            next = pending;
          }
        } catch {
          // The browser went away mid-write: end this stream; EventSource reconnects if it is still there.
          endNow();
        } finally {
          writing = false;
        }
      };
      const ended = new Promise<void>((resolve) => {
        endNow = resolve;
        stream.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true });
        deps.shutdownSignal?.addEventListener('abort', () => resolve(), { once: true });
        if (deps.shutdownSignal?.aborted) resolve();
        setTimeout(resolve, deps.maxStreamMs ?? 10 * 60_000).unref();
      });
      // Tells EventSource to come back quickly after the deliberate close.
      await stream.write('retry: 2000\n\n');
      const unsubscribe = deps.hub.subscribe((data) => void send(data));
      await ended;
      unsubscribe();
    });
    // The socket closes with the stream, so a shutdown does not wait for an idle keep-alive connection.
    response.headers.set('Connection', 'close');
    return response;
  });
  return app;
}
