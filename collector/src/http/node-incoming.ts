import type { IncomingMessage } from 'node:http';

/** Node's request stream when served by @hono/node-server (absent under `app.request()` in tests). */
export function incomingOf(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return incoming !== null && typeof incoming === 'object' && 'readableDidRead' in incoming
    ? (incoming as IncomingMessage)
    : undefined;
}
