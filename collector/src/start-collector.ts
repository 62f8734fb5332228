import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CollectorConfig } from './config/collector-config';
import { type Collector, type CollectorOptions, createCollector } from './create-collector';

export interface RunningCollector {
  collector: Collector;
  port: number;
  url: string;
  /** Graceful stop: refuse new connections, end live streams, let requests in flight finish, close Redis. */
  stop(): Promise<void>;
}

export interface StartOptions extends CollectorOptions {
  /** How long in-flight requests may take to finish on stop before connections are cut (default 10 s). */
  drainTimeoutMs?: number;
}

/** Starts the collector's HTTP server on `COLLECTOR_HOST:COLLECTOR_PORT` (port 0 picks a free one). */
export async function startCollector(
  config: CollectorConfig,
  options: StartOptions = {},
): Promise<RunningCollector> {
  const collector = await createCollector(config, options);
  await collector.start();
  const listening = new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: collector.app.fetch, port: config.port, hostname: config.host }, (info) =>
      resolve({ server, port: (info as AddressInfo).port }),
    );
    server.once('error', reject);
  });
  const { server, port } = await listening.catch(async (error: unknown) => {
    await collector.stop();
    throw error;
  });
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let stopping: Promise<void> | undefined;
  return {
    collector,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        collector.endStreams();
        // Connections turn idle as their last response (a live stream, a batch in flight) finishes.
        const sweep = setInterval(() => {
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        }, 50);
        const timeout = new Promise<'timeout'>((resolve) =>
          setTimeout(() => resolve('timeout'), options.drainTimeoutMs ?? 10_000).unref(),
        );
        const outcome = await Promise.race([closed, timeout]);
        clearInterval(sweep);
        if (outcome === 'timeout' && 'closeAllConnections' in server) {
          server.closeAllConnections();
          await closed;
        }
        await collector.stop();
      })();
      return stopping;
    },
  };
}
