import { openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import {
  createPrivatePostgres,
  deleteRedisPrefix,
  type PrivatePostgres,
  waitFor,
} from '@stimawatch/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getIncident } from '../src/store/incident-store';
import { listTimeline } from '../src/store/timeline-store';
import { webhookPayload } from './support/alertmanager-fixtures';
import { closeAndDrop } from './support/postgres-teardown';
import { type RunningAlerts, startAlerts, TOKENS } from './support/service-harness';

let privatePostgres: PrivatePostgres;
let db: SqlClient;
let alerts: RunningAlerts | undefined;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
  db = openPostgresClient(privatePostgres.url);
});
afterEach(async () => {
  if (alerts) {
    await alerts.stop();
    await deleteRedisPrefix(alerts.prefix);
    alerts = undefined;
  }
});
afterAll(async () => {
  await closeAndDrop(db, privatePostgres);
});

async function incidentFor(groupKey: string) {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM incidents WHERE group_key = $1', [
    groupKey,
  ]);
  expect(rows).toHaveLength(1);
  return (await getIncident(db, rows[0]?.id ?? '')) ?? expect.unreachable();
}

describe('escalation through BullMQ on Redis', () => {
  it('pages the primary, escalates to the secondary when nobody acknowledges, then stops at the last level', async () => {
    alerts = await startAlerts({ db, delayMinutes: 0.02 }); // 1.2 s between levels
    const groupKey = 'escalation-no-ack';
    const response = await alerts.post(
      '/v1/alertmanager',
      webhookPayload([{ fingerprint: 'esc-1' }], { groupKey, labels: { service: 'platform' } }),
    );
    expect(response.status).toBe(200);
    const incident = await incidentFor(groupKey);
    const sms = () =>
      (alerts?.delivery.sent ?? [])
        .filter((n) => n.channel === 'sms')
        .map((n) => `${n.purpose}:${n.recipient}`);
    expect(sms()).toEqual(['page:amina']);
    await waitFor('the secondary to be paged', () => sms().includes('escalation:brian'));
    await waitFor('no timer left', async () => (await alerts?.service.timers.pending())?.length === 0);
    expect(sms()).toEqual(['page:amina', 'escalation:brian']);
    const timeline = await listTimeline(db, incident.id);
    expect(timeline.map((e) => e.kind)).toEqual(['triggered', 'escalated']);
    expect(timeline[1]?.detail).toMatchObject({ level: 1, recipients: ['brian'] });
  });

  it('stops escalating once the page is acknowledged, even for a job that was already running', async () => {
    alerts = await startAlerts({ db, delayMinutes: 0.05 }); // 3 s: the ack comes first
    const groupKey = 'escalation-acked';
    await alerts.post(
      '/v1/alertmanager',
      webhookPayload([{ fingerprint: 'esc-2' }], { groupKey, labels: { service: 'platform' } }),
    );
    const incident = await incidentFor(groupKey);
    const stepId = `esc-${incident.id}-1-1-0`;
    expect(await alerts.service.timers.pending()).toEqual([stepId]);

    const ack = await alerts.post(`/v1/incidents/${incident.ref}/ack`, {}, TOKENS.oncall);
    expect(ack.status).toBe(200);
    expect(await alerts.service.timers.pending()).toEqual([]);

    // The race the worker guards against: the step's job already taken by a worker when the ack landed.
    await alerts.service.timers.scheduleEscalation(
      { incidentId: incident.id, round: 1, level: 1, repeat: 0 },
      0,
    );
    const done = await waitFor('the raced job to finish', () => alerts?.logs.find((l) => l.jobId === stepId));
    expect(done.result).toBe('skipped');
    expect(alerts.delivery.sent.filter((n) => n.channel === 'sms').map((n) => n.recipient)).toEqual([
      'amina',
    ]);
    expect((await getIncident(db, incident.id))?.escalationLevel).toBe(0);
  });

  it('opens one incident and sends one page for duplicate notifications from Alertmanager replicas', async () => {
    alerts = await startAlerts({ db, delayMinutes: 5 });
    const groupKey = 'escalation-duplicates';
    const payload = webhookPayload([{ fingerprint: 'dup-1' }, { fingerprint: 'dup-2' }], {
      groupKey,
      labels: { service: 'platform' },
    });
    const responses = await Promise.all([1, 2, 3].map(() => alerts?.post('/v1/alertmanager', payload)));
    expect(responses.map((r) => r?.status)).toEqual([200, 200, 200]);
    const incident = await incidentFor(groupKey);
    expect(
      alerts.delivery.sent
        .filter((n) => n.incidentId === incident.id)
        .map((n) => `${n.channel}:${n.recipient}`),
    ).toEqual(['sms:amina', 'slack:oncall']);
    expect(await alerts.service.timers.pending()).toEqual([`esc-${incident.id}-1-1-0`]);
  });
});
