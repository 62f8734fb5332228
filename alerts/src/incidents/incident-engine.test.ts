import { openPgliteClient, type SqlClient } from '@stimawatch/core/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertSpec, webhookPayload } from '../../test/support/alertmanager-fixtures';
import { createEngineHarness, type EngineHarness } from '../../test/support/engine-harness';
import { listHeartbeats } from '../store/alert-event-store';
import { getIncident } from '../store/incident-store';
import { migrateAlertsStore } from '../store/migrations';
import type { Incident } from '../store/records';
import { listTimeline } from '../store/timeline-store';

const MIN = 60_000;
let db: SqlClient;
beforeAll(async () => {
  db = await openPgliteClient(undefined);
  await migrateAlertsStore(db);
});
afterAll(async () => {
  await db.close();
});

let groups = 0;
/** Each test gets its own Alertmanager group so tests sharing the database do not meet. */
function group(labels: Record<string, string> = {}) {
  const groupKey = `{}:{alertname="Test${++groups}"}`;
  return {
    send: (h: EngineHarness, alerts: AlertSpec[]) =>
      h.engine.ingest(webhookPayload(alerts, { groupKey, labels })),
    incidents: async (): Promise<Incident[]> => {
      const { rows } = await db.query<{ id: string }>(
        'SELECT id FROM incidents WHERE group_key = $1 ORDER BY ref',
        [groupKey],
      );
      return Promise.all(rows.map(async (row) => (await getIncident(db, row.id)) as Incident));
    },
  };
}

describe('incident engine', () => {
  it('opens one incident for a page alert, pages the primary and schedules escalation; a duplicate changes nothing', async () => {
    const h = createEngineHarness(db);
    const g = group();
    expect(await g.send(h, [{ fingerprint: 'a1' }])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await g.send(h, [{ fingerprint: 'a1' }])).toEqual({ inserted: 0, duplicates: 1 });
    const [incident, ...others] = await g.incidents();
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      status: 'open',
      severity: 'page',
      service: 'vending',
      customerFacing: true,
    });
    expect(h.delivery.sent.map((n) => [n.purpose, n.channel, n.recipient])).toEqual([
      ['page', 'sms', 'amina'],
      ['page', 'slack', 'oncall'],
    ]);
    expect(h.delivery.sent[0]?.text).toContain(`Reply "ACK ${incident?.ref}"`);
    expect(h.delivery.sent[0]?.ackUrl).toMatch(/^http:\/\/alerts\.test\/v1\/ack\//);
    expect(h.delivery.sent.map((n) => n.subject)).toEqual([
      '',
      `[PAGE] #${incident?.ref} ${incident?.title} (vending, page)`,
    ]);
    expect(h.timers.list(h.now().getTime())).toEqual([
      [`esc-${incident?.id}-1-1-0`, 5 * MIN],
      [`comms-${incident?.id}-1-1`, 15 * MIN],
      [`comms-${incident?.id}-1-2`, 30 * MIN],
    ]);
  });

  it('escalates to the secondary when nobody acknowledges, and stops after an acknowledgement', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'b1' }]);
    const [incident] = await g.incidents();
    h.advance(5 * MIN);
    expect(await h.runDueTimers()).toEqual([`esc-${incident?.id}-1-1-0:notified`]);
    expect(h.delivery.sent.map((n) => [n.purpose, n.recipient])).toEqual([
      ['page', 'amina'],
      ['page', 'oncall'],
      ['escalation', 'brian'],
    ]);
    expect(h.timers.list(0)).toEqual([]); // last level: nothing further
    await h.engine.acknowledge(String(incident?.ref), 'brian', 'api');
    const timeline = await listTimeline(db, incident?.id ?? '');
    expect(timeline.map((e) => e.kind)).toEqual(['triggered', 'escalated', 'acknowledged']);
  });

  it('cancels the pending escalation on acknowledgement, and a job that raced the ack pages nobody', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'c1' }]);
    const [incident] = await g.incidents();
    const id = incident?.id ?? '';
    const result = await h.engine.acknowledge(id, 'amina', 'link');
    expect(result).toMatchObject({
      changed: true,
      incident: { status: 'acknowledged', acknowledgedBy: 'amina' },
    });
    expect(h.timers.list(0)).toEqual([]);
    const sentBefore = h.delivery.sent.length;
    expect(await h.engine.onEscalationJob({ incidentId: id, round: 1, level: 1, repeat: 0 })).toBe('skipped');
    expect(h.delivery.sent.length).toBe(sentBefore);
    expect((await h.engine.acknowledge(id, 'amina', 'api')).changed).toBe(false);
  });

  it('sends a ticket to the team channels only, without escalation', async () => {
    const h = createEngineHarness(db);
    const g = group({ severity: 'ticket', service: 'platform' });
    await g.send(h, [{ fingerprint: 'd1' }]);
    expect(h.delivery.sent.map((n) => [n.channel, n.to])).toEqual([
      ['slack', 'engineering'],
      ['email', 'oncall@example.org'],
    ]);
    expect(h.timers.list(0)).toEqual([]);
  });

  it('opens no incident for info alerts but records their heartbeat', async () => {
    const h = createEngineHarness(db);
    const g = group({ severity: 'info' });
    await g.send(h, [{ alertname: 'Watchdog', fingerprint: 'e1' }]);
    expect(await g.incidents()).toEqual([]);
    expect(h.delivery.sent).toEqual([]);
    expect((await listHeartbeats(db)).map((b) => b.alertname)).toContain('Watchdog');
  });

  it('resolves when all of its alerts are resolved, cancelling every timer', async () => {
    const h = createEngineHarness(db);
    const g = group();
    await g.send(h, [{ fingerprint: 'f1' }, { fingerprint: 'f2' }]);
    await g.send(h, [{ fingerprint: 'f1', status: 'resolved' }, { fingerprint: 'f2' }]);
    expect((await g.incidents())[0]?.status).toBe('open');
    h.advance(MIN);
    await g.send(h, [
      { fingerprint: 'f1', status: 'resolved' },
      { fingerprint: 'f2', status: 'resolved' },
    ]);
    const [incident] = await g.incidents();
    expect(incident).toMatchObject({ status: 'resolved', resolvedBy: 'alertmanager' });
    expect(h.timers.list(0)).toEqual([]);
    expect(await h.registry.getSingleMetricAsString('stimawatch_incident_time_to_resolve_seconds')).toContain(
      'stimawatch_incident_time_to_resolve_seconds_count 1',
    );
  });

  it('reopens an incident that fires again within the reopen window, as a new round that pages again', async () => {
    const h = createEngineHarness(db, { reopenWindowMs: 30 * MIN });
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'g1', startsAt: '2026-05-04T19:00:00Z' }]);
    await g.send(h, [{ fingerprint: 'g1', startsAt: '2026-05-04T19:00:00Z', status: 'resolved' }]);
    h.advance(29 * MIN);
    await g.send(h, [{ fingerprint: 'g1', startsAt: '2026-05-04T19:29:00Z' }]);
    const [incident, ...others] = await g.incidents();
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ status: 'open', round: 2, resolvedAt: null });
    expect(h.delivery.sent.filter((n) => n.channel === 'sms').map((n) => n.key)).toEqual([
      `page-${incident?.id}-1-0-0-sms-amina`,
      `page-${incident?.id}-2-0-0-sms-amina`,
    ]);
    expect((await listTimeline(db, incident?.id ?? '')).map((e) => e.kind)).toEqual([
      'triggered',
      'resolved',
      'reopened',
    ]);
  });

  it('opens a new incident when the group fires again after the reopen window', async () => {
    const h = createEngineHarness(db, { reopenWindowMs: 30 * MIN });
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'h1', startsAt: '2026-05-04T19:00:00Z' }]);
    await g.send(h, [{ fingerprint: 'h1', startsAt: '2026-05-04T19:00:00Z', status: 'resolved' }]);
    h.advance(31 * MIN);
    await g.send(h, [{ fingerprint: 'h1', startsAt: '2026-05-04T19:31:00Z' }]);
    expect((await g.incidents()).map((i) => i.status)).toEqual(['resolved', 'open']);
  });

  it('ignores a firing notification that arrives after the resolution of the same alert', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'i1' }]);
    await g.send(h, [{ fingerprint: 'i2', status: 'resolved' }, { fingerprint: 'i1' }]);
    await g.send(h, [{ fingerprint: 'i2' }]); // a delayed copy from another Alertmanager replica
    await g.send(h, [{ fingerprint: 'i1', status: 'resolved' }]);
    const [incident] = await g.incidents();
    expect(incident?.status).toBe('resolved');
    expect((await listTimeline(db, incident?.id ?? '')).map((e) => e.kind)).toEqual([
      'triggered',
      'resolved',
    ]);
  });

  it('upgrades a ticket incident to a page when a page alert joins it', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform', severity: 'ticket' });
    await g.send(h, [{ fingerprint: 'j1' }]);
    await g.send(h, [{ fingerprint: 'j1' }, { fingerprint: 'j2', labels: { severity: 'page' } }]);
    const [incident] = await g.incidents();
    expect(incident?.severity).toBe('page');
    expect(
      h.delivery.sent.filter((n) => n.purpose === 'page' && n.channel === 'sms').map((n) => n.recipient),
    ).toEqual(['amina']);
  });

  it('nudges comms when a customer-facing incident stays silent, then management at twice the limit', async () => {
    const h = createEngineHarness(db, { commsSilenceMs: 15 * MIN });
    const g = group();
    await g.send(h, [{ fingerprint: 'k1' }]);
    const [incident] = await g.incidents();
    await h.engine.acknowledge(incident?.id ?? '', 'amina', 'api'); // an ack does not end public silence
    h.advance(15 * MIN);
    await h.runDueTimers();
    h.advance(15 * MIN);
    await h.runDueTimers();
    const nudges = h.delivery.sent.filter((n) => n.purpose === 'comms_nudge');
    expect(nudges.map((n) => n.recipient)).toEqual(['wanjiku', 'zawadi']);
    expect(nudges[0]?.text).toContain('No public statement 15 min');
    expect((await h.registry.getSingleMetricAsString('stimawatch_comms_silence_seconds')).trim()).toMatch(
      / 1800$/,
    );
  });

  it('stops the comms timer when a statement is published for the incident', async () => {
    const h = createEngineHarness(db, { commsSilenceMs: 15 * MIN });
    const g = group({ service: 'payments' });
    await g.send(h, [{ fingerprint: 'l1' }]);
    const [incident] = await g.incidents();
    h.advance(4 * MIN);
    const { silenced } = await h.engine.publishStatement({
      text: 'Token purchases via M-Pesa are failing; we are on it.',
      lang: 'en',
      incidentId: String(incident?.ref),
      state: 'investigating',
      source: 'console',
      author: 'wanjiku',
    });
    expect(silenced.map((i) => i.id)).toEqual([incident?.id]);
    expect(h.timers.list(0).filter(([id]) => id.startsWith('comms-'))).toEqual([]);
    expect(await h.engine.onCommsSilenceJob({ incidentId: incident?.id ?? '', round: 1, stage: 1 })).toBe(
      'skipped',
    );
    expect(h.delivery.sent.filter((n) => n.purpose === 'comms_nudge')).toEqual([]);
    expect((await getIncident(db, incident?.id ?? ''))?.firstStatementAt).toEqual(h.now());
    expect(
      await h.registry.getSingleMetricAsString('stimawatch_incident_time_to_first_statement_seconds'),
    ).toContain('stimawatch_incident_time_to_first_statement_seconds_bucket{le="300"} 1');
  });

  it('records the official account reading back a statement the console posted to X only once', async () => {
    const h = createEngineHarness(db);
    const text = `Tokens delayed, engineers on it (${Math.random()})`;
    const fromConsole = await h.engine.publishStatement({
      text,
      lang: 'en',
      state: 'investigating',
      source: 'console',
      author: 'wanjiku',
    });
    const echo = await h.engine.publishStatement({
      text,
      lang: 'en',
      state: 'investigating',
      source: 'official_account',
      author: 'x',
    });
    expect(echo.statement.id).toBe(fromConsole.statement.id);
    const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM statements WHERE text = $1', [
      text,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('records delivery outcomes in the notification log and the timeline', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform' });
    await g.send(h, [{ fingerprint: 'm1' }]);
    const [sms, slack] = h.delivery.sent;
    if (sms === undefined || slack === undefined) throw new Error('expected two pages');
    await h.engine.onDeliveryOutcome({ status: 'delivered', notification: sms, attempts: 1 });
    await h.engine.onDeliveryOutcome({
      status: 'failed',
      notification: slack,
      attempts: 5,
      reason: 'HTTP 500',
      permanent: false,
    });
    const timeline = await listTimeline(db, sms.incidentId);
    expect(timeline.slice(1).map((e) => [e.kind, e.detail.recipient])).toEqual([
      ['notified', 'amina'],
      ['notification_failed', 'oncall'],
    ]);
  });

  it('answers UNAVAILABLE when pages cannot be queued, and pages on the retry once they can', async () => {
    const h = createEngineHarness(db);
    const g = group({ service: 'platform' });
    h.delivery.failWith = new Error('queue down');
    await expect(g.send(h, [{ fingerprint: 'n1' }])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await g.incidents()).toHaveLength(1);
    h.delivery.failWith = undefined;
    await g.send(h, [{ fingerprint: 'n1' }]); // Alertmanager's retry: a duplicate, yet the pending page goes out
    expect(h.delivery.sent.filter((n) => n.purpose === 'page').map((n) => n.recipient)).toEqual([
      'amina',
      'oncall',
    ]);
  });
});
