import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleUsers } from '../src/console/console-users';
import { createSseParser, type SseEvent } from '../src/console/sse-parser';
import {
  browser,
  type ConsoleDatabase,
  consoleDatabase,
  PASSWORDS,
  startConsoleHarness,
  testUsers,
} from './console-support';

const FEED_TOKEN = 'collector-feed-token-0123';

/** Stands in for the collector's read routes: the live SSE stream and the mentions feed, on 127.0.0.1. */
async function standInCollector() {
  const streams = new Set<ServerResponse>();
  const seen: { path: string; authorization: string | undefined }[] = [];
  let connections = 0;
  let feedStatus = 200;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector');
    seen.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    if (url.pathname === '/v1/live') {
      connections++;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': hello\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    res.writeHead(feedStatus, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ items: [{ id: 1, text: 'stima imepotea' }], nextCursor: null, query: url.search }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    get connections() {
      return connections;
    },
    setFeedStatus(status: number) {
      feedStatus = status;
    },
    emit(snapshot: object) {
      for (const res of streams) res.write(`event: snapshot\nid: 1\ndata: ${JSON.stringify(snapshot)}\n\n`);
    },
    async close() {
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads server-sent events from a response body until `count` arrived. */
async function readEvents(response: Response, count: number, onOpen?: () => void): Promise<SseEvent[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const parse = createSseParser();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  onOpen?.();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    events.push(...parse(decoder.decode(value, { stream: true })).filter((e) => e.event === 'snapshot'));
  }
  await reader.cancel();
  return events;
}

let database: ConsoleDatabase;
let users: ConsoleUsers;
let collector: Awaited<ReturnType<typeof standInCollector>>;
beforeAll(async () => {
  [database, users, collector] = await Promise.all([consoleDatabase(), testUsers(), standInCollector()]);
});
afterAll(async () => {
  await collector?.close();
  await database?.close();
});

describe('console proxy to the collector', () => {
  it('streams live snapshots to signed-in browsers over one shared upstream connection', async () => {
    const h = await startConsoleHarness({ db: database.db, users, env: { COLLECTOR_URL: collector.url } });
    try {
      expect((await h.app.request('/v1/live')).status).toBe(401);
      const viewer = browser(h.app);
      await viewer.login('zawadi', PASSWORDS.zawadi);
      const admin = browser(h.app);
      await admin.login('root', PASSWORDS.root);
      const before = collector.connections;
      const [a, b] = await Promise.all([viewer.get('/v1/live'), admin.get('/v1/live')]);
      expect(a.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reading = Promise.all([readEvents(a, 2), readEvents(b, 2)]);
      await waitFor(
        'both listeners',
        () => h.console.hub.listeners === 2 && collector.connections === before + 1,
        5000,
      );
      collector.emit({ tokensLastMinute: 41 });
      collector.emit({ tokensLastMinute: 42 });
      const [eventsA, eventsB] = await reading;
      expect(eventsA.map((e) => JSON.parse(e.data))).toEqual([
        { tokensLastMinute: 41 },
        { tokensLastMinute: 42 },
      ]);
      expect(eventsB.map((e) => e.data)).toEqual(eventsA.map((e) => e.data));
      expect(collector.connections).toBe(before + 1);
      const snapshot = await viewer.get('/v1/live/snapshot');
      expect(await snapshot.json()).toEqual({ tokensLastMinute: 42 });
    } finally {
      await h.close();
    }
  });

  it('forwards the mentions feed with its query and the feed token, never passing on a 401', async () => {
    const h = await startConsoleHarness({
      db: database.db,
      users,
      env: { COLLECTOR_URL: collector.url, COLLECTOR_FEED_TOKEN: FEED_TOKEN },
    });
    try {
      expect((await h.app.request('/v1/mentions')).status).toBe(401);
      const b = browser(h.app);
      await b.login('zawadi', PASSWORDS.zawadi);
      const feed = await b.get('/v1/mentions?county=Nairobi&sort=reach&limit=5');
      expect(feed.status).toBe(200);
      expect(await feed.json()).toMatchObject({ query: '?county=Nairobi&sort=reach&limit=5' });
      expect(collector.seen.at(-1)).toEqual({
        path: '/v1/mentions?county=Nairobi&sort=reach&limit=5',
        authorization: `Bearer ${FEED_TOKEN}`,
      });
      expect((await b.get('/v1/mentions/summary?since=0')).status).toBe(200);
      expect(collector.seen.at(-1)?.path).toBe('/v1/mentions/summary?since=0');
      collector.setFeedStatus(401);
      const refused = await b.get('/v1/mentions');
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: 'UNAVAILABLE' });
      collector.setFeedStatus(200);
    } finally {
      await h.close();
    }
  });

  it('answers 503 when the collector does not answer', async () => {
    const h = await startConsoleHarness({
      db: database.db,
      users,
      env: { COLLECTOR_URL: 'http://127.0.0.1:9' },
    });
    try {
      const b = browser(h.app);
      await b.login('zawadi', PASSWORDS.zawadi);
      const response = await b.get('/v1/mentions');
      expect(response.status).toBe(503);
    } finally {
      await h.close();
    }
  });
});
