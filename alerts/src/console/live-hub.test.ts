import { createLogger } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { createLiveHub } from './live-hub';

const logger = createLogger('live-hub-test', 'silent');

/** An upstream whose streams the test feeds and ends by hand; counts connections. */
function fakeUpstream() {
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let status = 200;
  const encoder = new TextEncoder();
  const fetchImpl = (async () => {
    if (status !== 200) return new Response('down', { status });
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    streams.push(controller);
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
  return {
    fetchImpl,
    streams,
    setStatus(next: number) {
      status = next;
    },
    send: (data: string) => streams.at(-1)?.enqueue(encoder.encode(`event: snapshot\ndata: ${data}\n\n`)),
  };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('live hub', () => {
  it('connects on the first listener, shares one upstream and replays the latest snapshot to newcomers', async () => {
    const upstream = fakeUpstream();
    const hub = createLiveHub({ url: 'http://collector/v1/live', logger, fetch: upstream.fetchImpl });
    const first: string[] = [];
    hub.subscribe((data) => first.push(data));
    await until(() => upstream.streams.length === 1);
    upstream.send('{"n":1}');
    await until(() => first.length === 1);
    const second: string[] = [];
    hub.subscribe((data) => second.push(data));
    upstream.send('{"n":2}');
    await until(() => second.length === 2);
    expect(first).toEqual(['{"n":1}', '{"n":2}']);
    expect(second).toEqual(['{"n":1}', '{"n":2}']);
    expect(upstream.streams).toHaveLength(1);
    hub.close();
  });

  it('reconnects after the upstream ends or refuses, and stops when the last listener left', async () => {
    const upstream = fakeUpstream();
    const hub = createLiveHub({
      url: 'http://collector/v1/live',
      logger,
      fetch: upstream.fetchImpl,
      retryBaseMs: 5,
      retryMaxMs: 20,
      lingerMs: 10,
    });
    const seen: string[] = [];
    const unsubscribe = hub.subscribe((data) => seen.push(data));
    await until(() => upstream.streams.length === 1);
    upstream.setStatus(503);
    upstream.streams[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 30));
    upstream.setStatus(200);
    await until(() => upstream.streams.length === 2);
    upstream.send('{"n":3}');
    await until(() => seen.length === 1);
    unsubscribe();
    await until(() => hub.latest() === undefined);
    expect(hub.listeners).toBe(0);
    hub.close();
  });
});
