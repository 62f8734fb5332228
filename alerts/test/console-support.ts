import { createLogger } from '@stimawatch/core';
import { openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import {
  createPrivatePostgres,
  type PrivatePostgres,
  privateRedisPrefix,
  TEST_REDIS_URL,
} from '@stimawatch/core/testing';
import type { Hono } from 'hono';
import { Redis } from 'ioredis';
import { parseApiTokens } from '../src/api-tokens';
import { parseConsoleConfig } from '../src/console/console-config';
import { type ConsoleUsers, parseConsoleUsers } from '../src/console/console-users';
import { type Console, createConsole } from '../src/console/create-console';
import { hashPassword } from '../src/console/password-hash';
import type { XPoster } from '../src/console/x-poster';
import { createAlertsApp } from '../src/http/app';
import type { AlertsHttpEnv } from '../src/http/http-env';
import { migrateAlertsStore } from '../src/store/migrations';
import { webhookPayload } from './support/alertmanager-fixtures';
import { createEngineHarness, type EngineHarness } from './support/engine-harness';
import { closeAndDrop } from './support/postgres-teardown';

export const PASSWORDS = {
  amina: 'amina-oncall-password',
  wanjiku: 'wanjiku-comms-password',
  zawadi: 'zawadi-viewer-password',
  root: 'root-admin-password-00',
};
export const ADMIN_TOKEN = 'admin-api-token-0123456789';
export const HOOK_TOKEN = 'alertmanager-token-0123';

/** The users of the console tests (hashed once per file: scrypt is deliberately slow). */
export async function testUsers(): Promise<ConsoleUsers> {
  const entry = async (username: string, role: string, password: string) =>
    `  - { username: ${username}, name: ${username[0]?.toUpperCase()}${username.slice(1)}, role: ${role}, password_hash: "${await hashPassword(password)}" }`;
  const lines = await Promise.all([
    entry('amina', 'oncall', PASSWORDS.amina),
    entry('wanjiku', 'comms', PASSWORDS.wanjiku),
    entry('zawadi', 'viewer', PASSWORDS.zawadi),
    entry('root', 'admin', PASSWORDS.root),
  ]);
  return parseConsoleUsers(`users:\n${lines.join('\n')}\n`, 'test-users.yml');
}

export interface ConsoleDatabase {
  db: SqlClient;
  close(): Promise<void>;
}

/** A private PostgreSQL database with the alerts schema, for one test file. */
export async function consoleDatabase(): Promise<ConsoleDatabase> {
  const pg: PrivatePostgres = await createPrivatePostgres();
  const db = openPostgresClient(pg.url, 4);
  await migrateAlertsStore(db);
  return {
    db,
    close: () => closeAndDrop(db, pg),
  };
}

export interface ConsoleHarness {
  app: Hono<AlertsHttpEnv>;
  engine: EngineHarness;
  console: Console;
  redisPrefix: string;
  /** Opens an incident through the Alertmanager webhook; returns its ref. */
  openIncident(labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

let groups = 0;

/** The alerts app with the console mounted, on a private Redis prefix; requests go in-process (`app.request`). */
export async function startConsoleHarness(options: {
  db: SqlClient;
  users: ConsoleUsers;
  env?: Record<string, string>;
  clock?: () => number;
  fetch?: typeof fetch;
  xPoster?: XPoster;
  dashboardDir?: string;
}): Promise<ConsoleHarness> {
  const engine = createEngineHarness(options.db);
  const logger = createLogger('console-test', 'silent');
  const apiTokens = parseApiTokens(`ops:admin:${ADMIN_TOKEN}`);
  const redisPrefix = privateRedisPrefix('console');
  const env: Record<string, string> = {
    CONSOLE_TRUST_PROXY: 'true',
    COLLECTOR_URL: 'http://127.0.0.1:9',
    ...options.env,
  };
  const alertsApp = createAlertsApp({
    engine: engine.engine,
    db: options.db,
    onCall: engine.ctx.onCall,
    ackLinks: engine.ctx.ackLinks,
    apiTokens,
    registry: engine.registry,
    metrics: engine.ctx.metrics,
    logger,
    clock: engine.now,
    readiness: {},
    alertmanagerWebhookToken: HOOK_TOKEN,
    smsInboundSecret: undefined,
  });
  const console = createConsole({
    config: parseConsoleConfig(env, '/nonexistent'),
    service: {
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: redisPrefix,
      publicBaseUrl: env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:8082',
      commsSilenceMs: 15 * 60_000,
      dashboardDir: options.dashboardDir ?? '/nonexistent',
      apiTokens,
    },
    logger,
    users: options.users,
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.xPoster !== undefined && { xPoster: options.xPoster }),
  });
  const app = console.mount(alertsApp);
  return {
    app,
    engine,
    console,
    redisPrefix,
    async openIncident(labels = { service: 'vending' }) {
      const groupKey = `{}:{alertname="Console${process.pid}-${++groups}"}`;
      const response = await app.request('/v1/alertmanager', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${HOOK_TOKEN}` },
        body: JSON.stringify(
          webhookPayload([{ fingerprint: `c${process.pid}-${groups}` }], { groupKey, labels }),
        ),
      });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      const { rows } = await options.db.query<{ ref: string }>(
        'SELECT ref FROM incidents WHERE group_key = $1',
        [groupKey],
      );
      return Number(rows[0]?.ref);
    },
    async close() {
      await console.close();
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${redisPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** A browser against the in-process app: keeps cookies, sends the CSRF token on writes, from one address. */
export function browser(app: Hono<AlertsHttpEnv>, ip = '10.0.0.1') {
  const cookies = new Map<string, string>();
  let csrf = '';
  async function request(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await app.request(path, {
      method,
      headers: {
        'x-forwarded-for': ip,
        ...(cookies.size > 0 && { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0\b/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }
  return {
    cookies,
    request,
    get csrf() {
      return csrf;
    },
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown = {}, headers: Record<string, string> = { 'x-csrf-token': csrf }) =>
      request('POST', path, { body, headers }),
    async login(username: string, password: string) {
      const session = (await (await request('GET', '/auth/session')).json()) as { csrfToken: string };
      csrf = session.csrfToken;
      const response = await request('POST', '/auth/login', {
        body: { username, password },
        headers: { 'x-csrf-token': csrf },
      });
      if (response.ok) csrf = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
      return response;
    },
  };
}
