import { openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import {
  createPrivatePostgres,
  type PrivatePostgres,
  PrivateRedisServer,
  waitFor,
} from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload } from './support/alertmanager-fixtures';
import { closeAndDrop } from './support/postgres-teardown';
import { type RunningAlerts, startAlerts } from './support/service-harness';

let privatePostgres: PrivatePostgres;
let db: SqlClient;
let redis: PrivateRedisServer;
let alerts: RunningAlerts;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
  db = openPostgresClient(privatePostgres.url);
  redis = await PrivateRedisServer.start();
  alerts = await startAlerts({ db, delayMinutes: 5, env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  await alerts.stop();
  await redis.stop();
  await closeAndDrop(db, privatePostgres);
});

describe('Redis outage', () => {
  it('answers 503 while Redis is down, keeps the alert, and pages once Alertmanager retries after recovery', async () => {
    await redis.stop();
    // Notification delivery queues on the same Redis, so it is down too.
    alerts.delivery.failWith = new Error('Connection is closed.');
    expect((await fetch(`${alerts.url}/readyz`)).status).toBe(503);
    const payload = webhookPayload([{ fingerprint: 'outage-1' }], {
      groupKey: 'redis-outage',
      labels: { service: 'platform' },
    });
    const during = await alerts.post('/v1/alertmanager', payload);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ error: 'UNAVAILABLE' });
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM incidents WHERE group_key = 'redis-outage'",
    );
    expect(rows[0]?.n).toBe(1);
    expect(alerts.delivery.sent).toEqual([]);

    await redis.restart();
    alerts.delivery.failWith = undefined;
    // Alertmanager keeps retrying a 5xx; the retry is a duplicate, but the pending page goes out.
    await waitFor(
      'a retry to succeed',
      async () => (await alerts.post('/v1/alertmanager', payload)).status === 200,
      20_000,
    );
    expect(alerts.delivery.sent.filter((n) => n.channel === 'sms').map((n) => n.recipient)).toEqual([
      'amina',
    ]);
    expect(await alerts.service.timers.pending()).toHaveLength(1);
    expect((await fetch(`${alerts.url}/readyz`)).status).toBe(200);
  });
});
