import type { Logger } from '@stimawatch/core';
import { createSseParser } from './sse-parser';

export type LiveListener = (data: string) => void;

export interface LiveHub {
  /** Adds a listener; it gets the latest snapshot at once (when there is one), then every new one. */
  subscribe(listener: LiveListener): () => void;
  /** The latest snapshot JSON from the collector, if one arrived while someone was listening. */
  latest(): string | undefined;
  readonly listeners: number;
  close(): void;
}

export interface LiveHubOptions {
  /** The collector's `GET /v1/live`. */
  url: string;
  logger: Logger;
  fetch?: typeof fetch;
  /** The upstream stream stays open this long after the last listener left (reloads do not reconnect). */
  lingerMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * One upstream subscription to the collector's live stream, shared by every console on this replica: the
 * collector serves one stream per alerts replica whatever the number of browsers, and each browser gets each
 * snapshot as soon as it arrives. The upstream connects on the first listener and reconnects with backoff.
 */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const log = options.logger.child({ module: 'live-hub' });
  const doFetch = options.fetch ?? fetch;
  const listeners = new Set<LiveListener>();
  let latest: string | undefined;
  let upstream: AbortController | undefined;
  let linger: NodeJS.Timeout | undefined;
  let closed = false;

  const broadcast = (data: string) => {
    latest = data;
    for (const listener of listeners) listener(data);
  };

  async function readOnce(signal: AbortSignal): Promise<void> {
    const response = await doFetch(options.url, { headers: { Accept: 'text/event-stream' }, signal });
    if (!response.ok || response.body === null) throw new Error(`collector answered ${response.status}`);
    const parse = createSseParser();
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      for (const event of parse(decoder.decode(chunk, { stream: true }))) {
        if (event.event === 'snapshot') broadcast(event.data);
      }
    }
  }

  async function run(controller: AbortController): Promise<void> {
    let delay = options.retryBaseMs ?? 500;
    while (!controller.signal.aborted) {
      try {
        await readOnce(controller.signal);
        delay = options.retryBaseMs ?? 500;
      } catch (error) {
        if (controller.signal.aborted) return;
        log.warn(
          { err: (error as Error).message, retryInMs: delay },
          'live stream from the collector failed',
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        controller.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      delay = Math.min(delay * 2, options.retryMaxMs ?? 10_000);
    }
  }

  function start(): void {
    clearTimeout(linger);
    linger = undefined;
    if (upstream !== undefined || closed) return;
    const controller = new AbortController();
    upstream = controller;
    void run(controller);
  }

  function stop(): void {
    upstream?.abort();
    upstream = undefined;
    // Nobody hears the upstream any more, so what it said last goes stale.
    latest = undefined;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      start();
      if (latest !== undefined) listener(latest);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && upstream !== undefined && linger === undefined) {
          linger = setTimeout(() => {
            linger = undefined;
            if (listeners.size === 0) stop();
          }, options.lingerMs ?? 30_000);
          linger.unref();
        }
      };
    },
    latest: () => latest,
    get listeners() {
      return listeners.size;
    },
    close() {
      closed = true;
      clearTimeout(linger);
      listeners.clear();
      stop();
    },
  };
}
