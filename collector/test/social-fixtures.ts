import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrate, openPgliteClient, openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import { pino } from 'pino';
import type { Registry } from 'prom-client';
import { classifyPost } from '../src/social/classifier';
import { parseSocialConfig, type SocialConfig } from '../src/social/social-config';
import { SOCIAL_MIGRATIONS } from '../src/social/storage/mention-migrations';

/** Shared pieces of the social integration tests (real Redis, real databases, the fake X API). */

export const INGEST_TOKEN = 'mentions-token-0123456789abcdef';
export const SALT = 'test-salt-0123456789abcdef';

/** The real classifier (collector/src/social/classifier). */
export const classify = (post: { text: string; authorHandle?: string; isOfficialAccount?: boolean }) =>
  classifyPost(post);

export function socialConfig(env: Record<string, string> = {}): SocialConfig {
  return parseSocialConfig({ SOCIAL_HASH_SALT: SALT, ...env });
}

/** A logger whose JSON lines the test can read. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines };
}

export async function openDb(kind: 'pglite' | 'postgres', url?: string): Promise<SqlClient> {
  const db = kind === 'pglite' ? await openPgliteClient(undefined) : openPostgresClient(url ?? '');
  await migrate(db, 'social', SOCIAL_MIGRATIONS);
  return db;
}

export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) return undefined;
  const { values } = await metric.get();
  const found = values.find((value) =>
    Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return found?.value;
}

/** A stand-in for the alerts service's `POST /v1/statements`; answers 503 to the first `failFirst` calls. */
export async function startStatementReceiver(failFirst = 0) {
  const received: { authorization: string | undefined; body: unknown }[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls += 1;
      if (req.method !== 'POST' || req.url !== '/v1/statements') {
        res.writeHead(404).end();
        return;
      }
      if (calls <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      received.push({
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
