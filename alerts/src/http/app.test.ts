import { createLogger } from '@stimawatch/core';
import { openPgliteClient, type SqlClient } from '@stimawatch/core/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload } from '../../test/support/alertmanager-fixtures';
import { ACK_SECRET, createEngineHarness, type EngineHarness } from '../../test/support/engine-harness';
import { signAckToken } from '../ack-link';
import { parseApiTokens } from '../api-tokens';
import { createIncidentEngine } from '../incidents/incident-engine';
import { getIncident } from '../store/incident-store';
import { migrateAlertsStore } from '../store/migrations';
import { createAlertsApp } from './app';

const TOKENS = {
  viewer: 'viewer-token-0123456789',
  oncall: 'oncall-token-0123456789',
  comms: 'comms-token-01234567890',
  hook: 'alertmanager-token-0123',
};
const SMS_SECRET = 'sms-inbound-secret-0123';

let db: SqlClient;
beforeAll(async () => {
  db = await openPgliteClient(undefined);
  await migrateAlertsStore(db);
});
afterAll(async () => {
  await db.close();
});

function appFor(h: EngineHarness, overrides: { engineDb?: SqlClient } = {}) {
  const engine = overrides.engineDb ? createIncidentEngine({ ...h.ctx, db: overrides.engineDb }) : h.engine;
  return createAlertsApp({
    engine,
    db,
    onCall: h.ctx.onCall,
    ackLinks: h.ctx.ackLinks,
    apiTokens: parseApiTokens(
      `ops:viewer:${TOKENS.viewer},amina:oncall:${TOKENS.oncall},wanjiku:comms:${TOKENS.comms}`,
    ),
    registry: h.registry,
    metrics: h.ctx.metrics,
    logger: createLogger('alerts-test', 'silent'),
    clock: h.now,
    readiness: { database: () => db.query('SELECT 1'), redis: async () => undefined },
    alertmanagerWebhookToken: TOKENS.hook,
    smsInboundSecret: SMS_SECRET,
  });
}

let groups = 0;
function post(app: ReturnType<typeof appFor>, path: string, body: unknown, token?: string) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
async function openIncident(h: EngineHarness, labels: Record<string, string> = { service: 'platform' }) {
  const groupKey = `{}:{alertname="Http${++groups}"}`;
  const response = await post(
    appFor(h),
    '/v1/alertmanager',
    webhookPayload([{ fingerprint: `h${groups}` }], { groupKey, labels }),
    TOKENS.hook,
  );
  expect(response.status).toBe(200);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM incidents WHERE group_key = $1', [
    groupKey,
  ]);
  const incident = await getIncident(db, rows[0]?.id ?? '');
  if (incident === undefined) throw new Error('no incident opened');
  return incident;
}

describe('POST /v1/alertmanager', () => {
  it('records a notification and answers 200; a duplicate is answered 200 as well', async () => {
    const h = createEngineHarness(db);
    const app = appFor(h);
    const payload = webhookPayload([{ fingerprint: 'w1' }], { groupKey: 'http-dup' });
    expect(await (await post(app, '/v1/alertmanager', payload, TOKENS.hook)).json()).toEqual({
      status: 'recorded',
      alerts: 1,
      duplicates: 0,
    });
    expect(await (await post(app, '/v1/alertmanager', payload, TOKENS.hook)).json()).toMatchObject({
      duplicates: 1,
    });
  });

  it('refuses invalid bodies with 400 and the reason, counted by reason', async () => {
    const app = appFor(createEngineHarness(db));
    const notJson = await post(app, '/v1/alertmanager', '{"version":', TOKENS.hook);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'VALIDATION', message: 'the body is not JSON' });
    const wrongShape = await post(app, '/v1/alertmanager', { version: '3', alerts: [] }, TOKENS.hook);
    expect(wrongShape.status).toBe(400);
    const body = (await wrongShape.json()) as { details: { issues: { path: string }[] } };
    expect(body.details.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['version', 'groupKey', 'alerts']),
    );
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toContain('stimawatch_alertmanager_webhook_rejected_total{reason="invalid_json"} 1');
    expect(metrics).toContain('stimawatch_alertmanager_webhook_rejected_total{reason="invalid_payload"} 1');
  });

  it('requires the configured bearer token', async () => {
    const app = appFor(createEngineHarness(db));
    const response = await post(
      app,
      '/v1/alertmanager',
      webhookPayload([{ fingerprint: 'w2' }]),
      'wrong-token-0123456789',
    );
    expect(response.status).toBe(401);
  });

  it('answers 503 when the store cannot record, so Alertmanager retries', async () => {
    const h = createEngineHarness(db);
    const broken: SqlClient = {
      ...db,
      query: () => Promise.reject(new Error('connection refused')),
      transaction: () => Promise.reject(new Error('connection refused')),
    };
    const response = await post(
      appFor(h, { engineDb: broken }),
      '/v1/alertmanager',
      webhookPayload([{ fingerprint: 'w3' }]),
      TOKENS.hook,
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'UNAVAILABLE' });
  });
});

describe('incident API', () => {
  it('lists and shows incidents to any token holder, with timeline and pages sent', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h);
    const app = appFor(h);
    expect((await app.request('/v1/incidents')).status).toBe(401);
    const list = await app.request('/v1/incidents?status=open&limit=100', {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
    });
    expect(((await list.json()) as { incidents: { id: string }[] }).incidents.map((i) => i.id)).toContain(
      incident.id,
    );
    expect(
      (
        await app.request('/v1/incidents?status=bogus', {
          headers: { authorization: `Bearer ${TOKENS.viewer}` },
        })
      ).status,
    ).toBe(400);
    const detail = await app.request(`/v1/incidents/${incident.ref}`, {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
    });
    const body = (await detail.json()) as {
      timeline: { kind: string }[];
      notifications: { recipient: string }[];
    };
    expect(body.timeline.map((e) => e.kind)).toEqual(['triggered']);
    expect(body.notifications.map((n) => n.recipient).sort()).toEqual(['amina', 'oncall']);
  });

  it('lets on-call acknowledge and resolve, but not viewers', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h);
    const app = appFor(h);
    expect((await post(app, `/v1/incidents/${incident.id}/ack`, {}, TOKENS.viewer)).status).toBe(403);
    expect((await post(app, `/v1/incidents/${incident.id}/ack`, {}, TOKENS.comms)).status).toBe(403);
    const ack = await post(app, `/v1/incidents/${incident.id}/ack`, {}, TOKENS.oncall);
    expect(await ack.json()).toMatchObject({
      changed: true,
      incident: { status: 'acknowledged', acknowledgedBy: 'amina' },
    });
    const resolve = await post(app, `/v1/incidents/${incident.ref}/resolve`, {}, TOKENS.oncall);
    expect(await resolve.json()).toMatchObject({ incident: { status: 'resolved' } });
    expect((await post(app, `/v1/incidents/${incident.id}/ack`, {}, TOKENS.oncall)).status).toBe(409);
    expect((await post(app, '/v1/incidents/424242/ack', {}, TOKENS.oncall)).status).toBe(404);
  });

  it('shows who is on call now', async () => {
    const h = createEngineHarness(db);
    const response = await appFor(h).request('/v1/oncall', {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
    });
    const body = (await response.json()) as { rotations: { rotation: string; person: { id: string } }[] };
    expect(body.rotations.map((r) => [r.rotation, r.person.id])).toEqual([
      ['primary', 'amina'],
      ['secondary', 'brian'],
      ['comms', 'wanjiku'],
    ]);
  });
});

describe('acknowledgement link', () => {
  it('shows a confirmation form on GET without acknowledging; the POST acknowledges', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h);
    const app = appFor(h);
    const path = new URL(h.delivery.sent.find((n) => n.channel === 'sms')?.ackUrl ?? '').pathname;
    const preview = await app.request(path);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('<form method="post">');
    expect((await getIncident(db, incident.id))?.status).toBe('open');
    const confirm = await app.request(path, { method: 'POST' });
    expect(await confirm.text()).toContain('Acknowledged');
    expect(await getIncident(db, incident.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'amina',
    });
  });

  it('answers 410 with a clear message once expired, and 403 when forged', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h);
    const app = appFor(h);
    const expired = signAckToken(
      { incidentId: incident.id, recipient: 'amina', expiresAt: new Date(h.now().getTime() - 1000) },
      ACK_SECRET,
    );
    const response = await app.request(`/v1/ack/${expired}`, { method: 'POST' });
    expect(response.status).toBe(410);
    expect(await response.text()).toContain(`link has expired`);
    expect((await getIncident(db, incident.id))?.status).toBe('open');
    const forged = signAckToken(
      { incidentId: incident.id, recipient: 'amina', expiresAt: new Date('2030-01-01') },
      'x'.repeat(40),
    );
    expect((await app.request(`/v1/ack/${forged}`)).status).toBe(403);
  });
});

describe("SMS replies (Africa's Talking incoming messages)", () => {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      to: '20880',
      date: '2026-05-04 19:05:00',
      id: 'msg-1',
      linkId: 'link-1',
      ...fields,
    }).toString(),
  });

  it('acknowledges "ACK <ref>" from an on-call phone and ignores unknown senders', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h);
    const app = appFor(h);
    const stranger = await app.request(
      `/v1/sms/${SMS_SECRET}/inbound`,
      form({ from: '+254799999999', text: `ACK ${incident.ref}` }),
    );
    expect(await stranger.json()).toEqual({ status: 'ignored', reason: 'unknown sender' });
    expect((await getIncident(db, incident.id))?.status).toBe('open');
    const reply = await app.request(
      `/v1/sms/${SMS_SECRET}/inbound`,
      form({ from: '0700000101', text: ` ack ${incident.ref} ` }),
    );
    expect(await reply.json()).toEqual({ status: 'acknowledged', incident: incident.ref });
    expect(await getIncident(db, incident.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'amina',
    });
  });

  it('hides the callback behind its secret path segment', async () => {
    const app = appFor(createEngineHarness(db));
    expect(
      (await app.request('/v1/sms/not-the-secret/inbound', form({ from: '+254700000101', text: 'ACK 1' })))
        .status,
    ).toBe(404);
  });
});

describe('statements and status page', () => {
  it('records a statement from comms, ends the silence, and shows it publicly', async () => {
    const h = createEngineHarness(db);
    const incident = await openIncident(h, { service: 'payments' });
    const app = appFor(h);
    const statement = {
      text: 'M-Pesa token purchases are failing. We are working on it.',
      incidentId: String(incident.ref),
    };
    expect((await post(app, '/v1/statements', statement, TOKENS.viewer)).status).toBe(403);
    expect((await post(app, '/v1/statements', { text: '' }, TOKENS.comms)).status).toBe(400);
    const created = await post(app, '/v1/statements', statement, TOKENS.comms);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      statement: { author: 'wanjiku', source: 'api' },
      silencedIncidents: [incident.ref],
    });
    const feed = (await (await app.request('/v1/statements')).json()) as {
      statements: Record<string, unknown>[];
    };
    expect(feed.statements[0]).toMatchObject({ text: statement.text, statusPageState: 'investigating' });
    expect(feed.statements[0]).not.toHaveProperty('author');
    const status = (await (await app.request('/v1/status')).json()) as {
      components: { id: string; state: string }[];
    };
    expect(status.components.find((c) => c.id === 'token_purchase')?.state).toBe('major_outage');
  });
});

describe('operations endpoints', () => {
  it('serves metrics, liveness and readiness', async () => {
    const h = createEngineHarness(db);
    await openIncident(h);
    const app = appFor(h);
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/stimawatch_incidents_open\{severity="page"\} [1-9]/);
    expect(metrics).toContain('stimawatch_comms_silence_seconds');
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await app.request('/readyz')).json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok' },
    });
    expect((await app.request('/v1/nothing')).status).toBe(404);
  });
});
