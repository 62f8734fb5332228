import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleUsers } from '../src/console/console-users';
import {
  ADMIN_TOKEN,
  browser,
  type ConsoleDatabase,
  consoleDatabase,
  PASSWORDS,
  startConsoleHarness,
  testUsers,
} from './console-support';

let database: ConsoleDatabase;
let users: ConsoleUsers;
beforeAll(async () => {
  [database, users] = await Promise.all([consoleDatabase(), testUsers()]);
});
afterAll(async () => {
  await database?.close();
});

async function harness(options: { env?: Record<string, string>; clock?: () => number } = {}) {
  return startConsoleHarness({ db: database.db, users, ...options });
}

describe('console sign-in', () => {
  it('signs in each role and reports what it may do; the session authorises the API', async () => {
    const h = await harness();
    try {
      const expected = {
        amina: { role: 'oncall', permissions: { acknowledge: true, resolve: true, publishStatement: false } },
        wanjiku: {
          role: 'comms',
          permissions: { acknowledge: false, resolve: false, publishStatement: true },
        },
        zawadi: {
          role: 'viewer',
          permissions: { acknowledge: false, resolve: false, publishStatement: false },
        },
        root: { role: 'admin', permissions: { acknowledge: true, resolve: true, publishStatement: true } },
      };
      for (const [username, want] of Object.entries(expected)) {
        const b = browser(h.app);
        expect((await b.get('/v1/incidents')).status).toBe(401);
        const login = await b.login(username, PASSWORDS[username as keyof typeof PASSWORDS]);
        expect(login.status).toBe(200);
        expect(await login.json()).toMatchObject({
          user: { username, role: want.role },
          permissions: want.permissions,
        });
        expect((await b.get('/v1/incidents')).status).toBe(200);
        expect(await (await b.get('/auth/session')).json()).toMatchObject({ user: { username } });
      }
    } finally {
      await h.close();
    }
  });

  it('answers a wrong password and an unknown user with the same generic refusal', async () => {
    const h = await harness();
    try {
      const wrong = await browser(h.app, '10.0.1.1').login('amina', 'not-her-password');
      const unknown = await browser(h.app, '10.0.1.2').login('nobody', 'whatever-password');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      const bodies = [await wrong.json(), await unknown.json()];
      expect(bodies[0]).toEqual({ error: 'UNAUTHORIZED', message: 'Invalid username or password.' });
      expect(bodies[1]).toEqual(bodies[0]);
    } finally {
      await h.close();
    }
  });

  it('sets HttpOnly SameSite=Strict cookies, Secure with the __Host- prefix behind https', async () => {
    const local = await harness();
    const public_ = await harness({ env: { PUBLIC_BASE_URL: 'https://watch.example.org' } });
    try {
      const plain = await browser(local.app).login('amina', PASSWORDS.amina);
      const session = plain.headers.getSetCookie().find((c) => c.startsWith('sw_session='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(session).not.toMatch(/Secure/);
      const secure = await browser(public_.app).login('amina', PASSWORDS.amina);
      const hostCookie = secure.headers.getSetCookie().find((c) => c.startsWith('__Host-sw_session='));
      expect(hostCookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    } finally {
      await local.close();
      await public_.close();
    }
  });

  it('lets a viewer read but answers 403 to its acknowledgement; on-call acknowledges as itself', async () => {
    const h = await harness();
    try {
      const ref = await h.openIncident();
      const viewer = browser(h.app);
      await viewer.login('zawadi', PASSWORDS.zawadi);
      expect((await viewer.get(`/v1/incidents/${ref}`)).status).toBe(200);
      const refused = await viewer.post(`/v1/incidents/${ref}/ack`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 'FORBIDDEN' });
      const oncall = browser(h.app);
      await oncall.login('amina', PASSWORDS.amina);
      const acked = await oncall.post(`/v1/incidents/${ref}/ack`);
      expect(acked.status).toBe(200);
      expect(await acked.json()).toMatchObject({
        changed: true,
        incident: { status: 'acknowledged', acknowledgedBy: 'amina' },
      });
    } finally {
      await h.close();
    }
  });

  it('refuses session writes without the CSRF token, and sign-in without the pre-session token', async () => {
    const h = await harness();
    try {
      const ref = await h.openIncident();
      const b = browser(h.app);
      await b.login('amina', PASSWORDS.amina);
      expect((await b.post(`/v1/incidents/${ref}/ack`, {}, {})).status).toBe(401);
      expect(
        (
          await b.post(
            `/v1/incidents/${ref}/ack`,
            {},
            { 'x-csrf-token': 'forged-token-value-000000000000000000000' },
          )
        ).status,
      ).toBe(401);
      const stranger = browser(h.app);
      const noToken = await stranger.request('POST', '/auth/login', {
        body: { username: 'amina', password: PASSWORDS.amina },
      });
      expect(noToken.status).toBe(403);
      // A bearer token still works without cookies or CSRF (automation).
      const api = await h.app.request(`/v1/incidents/${ref}/ack`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(api.status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('answers 401 once the session passed its maximum age or was signed out', async () => {
    let now = Date.now();
    const h = await harness({ env: { CONSOLE_SESSION_MAX_HOURS: '1' }, clock: () => now });
    try {
      const b = browser(h.app);
      await b.login('wanjiku', PASSWORDS.wanjiku);
      expect((await b.get('/v1/incidents')).status).toBe(200);
      now += 3_600_001;
      expect((await b.get('/v1/incidents')).status).toBe(401);
      expect(await (await b.get('/auth/session')).json()).toMatchObject({ user: null });

      const c = browser(h.app);
      await c.login('wanjiku', PASSWORDS.wanjiku);
      const stolenCookie = c.cookies.get('sw_session');
      expect((await c.post('/auth/logout')).status).toBe(204);
      const replay = await h.app.request('/v1/incidents', {
        headers: { cookie: `sw_session=${stolenCookie}` },
      });
      expect(replay.status).toBe(401);
    } finally {
      await h.close();
    }
  });

  it('rate-limits sign-in per user (failures) and per address (attempts)', async () => {
    const h = await harness({
      env: { CONSOLE_LOGIN_MAX_FAILURES_PER_USER: '3', CONSOLE_LOGIN_MAX_PER_IP: '5' },
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await browser(h.app, `10.1.0.${i}`).login('amina', 'guess')).status).toBe(401);
      }
      const locked = await browser(h.app, '10.1.0.9').login('amina', PASSWORDS.amina);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await browser(h.app, '10.1.0.9').login('wanjiku', PASSWORDS.wanjiku)).status).toBe(200);

      const one = browser(h.app, '10.2.0.1');
      for (let i = 0; i < 5; i++) expect((await one.login(`user${i}`, 'guess')).status).toBe(401);
      expect((await one.login('root', PASSWORDS.root)).status).toBe(429);
    } finally {
      await h.close();
    }
  });
});
