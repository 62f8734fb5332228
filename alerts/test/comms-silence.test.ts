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
let alerts: RunningAlerts;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
  db = openPostgresClient(privatePostgres.url);
  // 0.01 min = 0.6 s: comms are nudged at 0.6 s, management at 1.2 s.
  alerts = await startAlerts({ db, delayMinutes: 5, env: { COMMS_SILENCE_MINUTES: '0.01' } });
});
afterEach(() => {
  alerts.delivery.sent.length = 0;
});
afterAll(async () => {
  await alerts.stop();
  await deleteRedisPrefix(alerts.prefix);
  await closeAndDrop(db, privatePostgres);
});

async function openCustomerFacing(groupKey: string) {
  const response = await alerts.post(
    '/v1/alertmanager',
    webhookPayload([{ fingerprint: groupKey }], { groupKey, labels: { service: 'payments' } }),
  );
  expect(response.status).toBe(200);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM incidents WHERE group_key = $1', [
    groupKey,
  ]);
  return (await getIncident(db, rows[0]?.id ?? '')) ?? expect.unreachable();
}

const nudges = (incidentId: string) =>
  alerts.delivery.sent
    .filter((n) => n.incidentId === incidentId && n.purpose === 'comms_nudge')
    .map((n) => n.recipient);

describe('public-silence timer', () => {
  it('nudges the comms rotation when no statement follows a customer-facing incident, then management', async () => {
    const incident = await openCustomerFacing('silent-incident');
    const nudged = await waitFor('comms and management to be nudged', async () => {
      const entries = (await listTimeline(db, incident.id)).filter((e) => e.kind === 'comms_nudged');
      return entries.length === 2 && entries;
    });
    expect(nudged.map((e) => e.detail.stage)).toEqual([1, 2]);
    expect(nudges(incident.id)).toEqual(['wanjiku', 'zawadi']);
    const metrics = await (await fetch(`${alerts.url}/metrics`)).text();
    expect(Number(/^stimawatch_comms_silence_seconds (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThan(1);
  });

  it('stops when a statement is published, including a nudge job that was already due', async () => {
    const incident = await openCustomerFacing('spoken-incident');
    const response = await alerts.post(
      '/v1/statements',
      { text: 'Some M-Pesa token purchases are failing. Updates every 30 minutes.', incidentId: incident.id },
      TOKENS.comms,
    );
    expect(response.status).toBe(201);
    const pending = await alerts.service.timers.pending();
    expect(pending.filter((id) => id.startsWith(`comms-${incident.id}`))).toEqual([]);

    await alerts.service.timers.scheduleCommsNudge({ incidentId: incident.id, round: 1, stage: 1 }, 0);
    const done = await waitFor('the due nudge job to run', () =>
      alerts.logs.find((l) => l.jobId === `comms-${incident.id}-1-1`),
    );
    expect(done.result).toBe('skipped');
    expect(nudges(incident.id)).toEqual([]);
    expect((await getIncident(db, incident.id))?.firstStatementAt).not.toBeNull();
  });
});
