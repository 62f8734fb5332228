import { startFakeXServer, type FakeXServer } from '@stimawatch/core/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConsoleConfig } from '../src/console/console-config';
import type { ConsoleUsers } from '../src/console/console-users';
import { createXPoster } from '../src/console/x-poster';
import {
  browser,
  type ConsoleDatabase,
  consoleDatabase,
  PASSWORDS,
  startConsoleHarness,
  testUsers,
} from './console-support';

const ACCESS_TOKEN = 'utility-access-token-123';

let database: ConsoleDatabase;
let users: ConsoleUsers;
let fakeX: FakeXServer;
beforeAll(async () => {
  [database, users, fakeX] = await Promise.all([consoleDatabase(), testUsers(), startFakeXServer()]);
  fakeX.addUser({ username: 'KenyaPower_Care', accessToken: ACCESS_TOKEN });
});
afterAll(async () => {
  await fakeX?.close();
  await database?.close();
});

/** The real twitter-api-v2 client with OAuth 1.0a user context, pointed at the fake X API. */
function poster() {
  const config = parseConsoleConfig(
    {
      X_API_KEY: 'consumer-key',
      X_API_SECRET: 'consumer-secret',
      X_USER_ACCESS_TOKEN: ACCESS_TOKEN,
      X_USER_ACCESS_SECRET: 'access-secret',
      X_API_BASE_URL: fakeX.url,
    },
    '/nonexistent',
  );
  if (config.x === undefined) throw new Error('X posting not configured');
  return createXPoster(config.x);
}

describe('publishing a statement from the console', () => {
  it('records it, stops the silence, updates the status page and posts it to X as the utility', async () => {
    const h = await startConsoleHarness({ db: database.db, users, xPoster: poster() });
    try {
      const ref = await h.openIncident({ service: 'payments' });
      const comms = browser(h.app);
      await comms.login('wanjiku', PASSWORDS.wanjiku);
      expect(await (await comms.get('/auth/session')).json()).toMatchObject({ settings: { xPosting: true } });
      const text = `We are aware that M-Pesa token purchases are failing (#${ref}). Next update by 20:00.`;
      const published = await comms.post('/v1/statements?x=1', {
        text,
        lang: 'en',
        state: 'investigating',
        source: 'console',
        incidentId: String(ref),
      });
      expect(published.status).toBe(201);
      const body = (await published.json()) as {
        silencedIncidents: number[];
        x: { status: string; id: string };
      };
      expect(body.silencedIncidents).toEqual([ref]);
      expect(body.x.status).toBe('posted');
      const post = fakeX.publishedPosts.find((p) => p.id === body.x.id);
      expect(post?.text).toBe(text);
      const status = (await (await h.app.request('/v1/status')).json()) as { statements: { text: string }[] };
      expect(status.statements[0]?.text).toBe(text);
      const detail = (await (await comms.get(`/v1/incidents/${ref}`)).json()) as {
        incident: { firstStatementAt: string | null };
      };
      expect(detail.incident.firstStatementAt).not.toBeNull();
    } finally {
      await h.close();
    }
  });

  it('keeps the statement when X fails or the text is too long, and says so', async () => {
    const h = await startConsoleHarness({ db: database.db, users, xPoster: poster() });
    try {
      const comms = browser(h.app);
      await comms.login('wanjiku', PASSWORDS.wanjiku);
      fakeX.setFault('server_error', { times: 1, pathPrefix: '/2/tweets' });
      const failed = await comms.post('/v1/statements?x=1', {
        text: 'Tunachunguza tatizo la tokeni.',
        lang: 'sw',
      });
      expect(failed.status).toBe(201);
      expect(await failed.json()).toMatchObject({
        x: { status: 'failed', reason: expect.stringMatching(/^X answered 5\d\d/) },
      });
      const long = await comms.post('/v1/statements?x=1', { text: 'x'.repeat(281), lang: 'en' });
      expect(await long.json()).toMatchObject({
        x: { status: 'skipped', reason: 'longer than 280 characters' },
      });
      const before = fakeX.publishedPosts.length;
      const plain = await comms.post('/v1/statements', { text: 'Only on the status page.', lang: 'en' });
      expect(plain.status).toBe(201);
      expect(await plain.json()).not.toHaveProperty('x');
      expect(fakeX.publishedPosts).toHaveLength(before);
    } finally {
      await h.close();
    }
  });

  it('refuses statements from roles other than comms and admin', async () => {
    const h = await startConsoleHarness({ db: database.db, users });
    try {
      const oncall = browser(h.app);
      await oncall.login('amina', PASSWORDS.amina);
      expect((await oncall.post('/v1/statements?x=1', { text: 'Hello', lang: 'en' })).status).toBe(403);
      const admin = browser(h.app);
      await admin.login('root', PASSWORDS.root);
      const unconfigured = await admin.post('/v1/statements?x=1', { text: 'Hello', lang: 'en' });
      expect(await unconfigured.json()).toMatchObject({
        x: { status: 'skipped', reason: 'X posting is not configured' },
      });
    } finally {
      await h.close();
    }
  });
});
