import type { LiveSnapshot } from '@stimawatch/core';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';

export interface LiveRoutesDeps {
  snapshot(): LiveSnapshot;
  /** Seconds between server-sent snapshots (default 1). */
  intervalMs?: number;
  /** Ends open streams when the collector shuts down. */
  shutdownSignal?: AbortSignal;
}

/**
 * The console's live tiles: `GET /v1/live/snapshot` (JSON) and `GET /v1/live` (server-sent events, one
 * `snapshot` event per interval). Read-only aggregates without personal data, so open to any origin.
 */
export function registerLiveRoutes(app: Hono, deps: LiveRoutesDeps): void {
  app.use('/v1/live', cors({ origin: '*', allowMethods: ['GET'] }));
  app.use('/v1/live/*', cors({ origin: '*', allowMethods: ['GET'] }));
  app.get('/v1/live/snapshot', (c) => c.json(deps.snapshot()));
  app.get('/v1/live', (c) =>
    streamSSE(c, async (stream) => {
      const intervalMs = deps.intervalMs ?? 1000;
      const ended = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true });
        if (deps.shutdownSignal?.aborted) resolve();
        deps.shutdownSignal?.addEventListener('abort', () => resolve(), { once: true });
      });
      let open = true;
      void ended.then(() => {
        open = false;
      });
      let id = 0;
      while (open && !stream.aborted && !stream.closed) {
        await stream.writeSSE({ event: 'snapshot', id: String(id++), data: JSON.stringify(deps.snapshot()) });
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, intervalMs).unref())]);
      }
    }),
  );
}
