import { openPgliteClient, openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import { createPrivatePostgres, type PrivatePostgres } from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listHeartbeats,
  listUnprocessedEvents,
  markEventsProcessed,
  recordAlertEventBatch,
  recordAlertEvents,
} from '../src/store/alert-event-store';
import {
  acknowledgeIncident,
  getIncident,
  insertIncident,
  listIncidents,
  markFirstStatement,
  openIncidentStats,
  recordEscalationStep,
  resolveIncident,
} from '../src/store/incident-store';
import { migrateAlertsStore } from '../src/store/migrations';
import {
  listNotifications,
  logQueuedNotification,
  recordNotificationOutcome,
} from '../src/store/notification-store';
import { addOutboxAction, completeAction, listPendingActions } from '../src/store/outbox-store';
import { insertStatement, listStatements } from '../src/store/statement-store';
import { addTimelineEntry, listTimeline } from '../src/store/timeline-store';
import { webhookPayload } from './support/alertmanager-fixtures';
import { dropWhenIdle } from './support/postgres-teardown';

let privatePostgres: PrivatePostgres;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
});
afterAll(async () => {
  await dropWhenIdle(privatePostgres);
});

const t0 = new Date('2026-05-04T19:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
let seq = 0;
const newIncident = (overrides: Partial<Parameters<typeof insertIncident>[1]> = {}) => ({
  id: `inc-${++seq}`,
  groupKey: 'g',
  service: 'vending',
  severity: 'page' as const,
  team: 'oncall',
  title: 'Token vend failures',
  customerFacing: true,
  openedAt: t0,
  ...overrides,
});

describe.each([
  ['pglite', () => openPgliteClient(undefined)],
  ['postgres', async () => openPostgresClient(privatePostgres.url)],
] as const)('alerts store on %s', (_kind, open) => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await open();
    await migrateAlertsStore(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('migrates once', async () => {
    expect(await migrateAlertsStore(db)).toEqual([]);
  });

  it('records an alert once per fingerprint, startsAt and status, keeping the raw alert', async () => {
    const firing = webhookPayload([{ fingerprint: 'fp-dedupe' }]);
    expect(await recordAlertEvents(db, firing, t0)).toEqual({ inserted: 1, duplicates: 0 });
    expect(await recordAlertEvents(db, firing, later(1))).toEqual({ inserted: 0, duplicates: 1 });
    const resolved = webhookPayload([{ fingerprint: 'fp-dedupe', status: 'resolved' }]);
    expect(await recordAlertEvents(db, resolved, later(2))).toEqual({ inserted: 1, duplicates: 0 });
    const pending = (await listUnprocessedEvents(db, 100)).filter(
      (e) => e.payload.alert.fingerprint === 'fp-dedupe',
    );
    expect(pending.map((e) => e.payload.alert.status)).toEqual(['firing', 'resolved']);
    expect(pending[0]?.payload.alert.startsAt).toBe('2026-05-04T19:02:15.123456789Z');
    await markEventsProcessed(
      db,
      pending.map((event) => ({ id: event.id, incidentId: null })),
      later(3),
    );
    expect(
      (await listUnprocessedEvents(db, 100)).some((e) => e.payload.alert.fingerprint === 'fp-dedupe'),
    ).toBe(false);
  });

  it('counts an alert repeated within one batch once, for the first notification carrying it', async () => {
    const a = webhookPayload([{ fingerprint: 'fp-batch-1' }, { fingerprint: 'fp-batch-2' }]);
    const b = webhookPayload([{ fingerprint: 'fp-batch-2' }, { fingerprint: 'fp-batch-3' }]);
    expect(await recordAlertEventBatch(db, [a, b], t0)).toEqual([
      { inserted: 2, duplicates: 0 },
      { inserted: 1, duplicates: 1 },
    ]);
  });

  it('refreshes an info alert heartbeat even when the event itself is a duplicate', async () => {
    const watchdog = webhookPayload([{ alertname: 'Watchdog', fingerprint: 'fp-watchdog' }], {
      labels: { severity: 'info' },
    });
    await recordAlertEvents(db, watchdog, t0);
    await recordAlertEvents(db, watchdog, later(5));
    expect(await listHeartbeats(db)).toEqual([{ alertname: 'Watchdog', lastSeenAt: later(5) }]);
  });

  it('finds incidents by id or short ref and pages through them newest first', async () => {
    const a = await insertIncident(db, newIncident());
    const b = await insertIncident(db, newIncident({ severity: 'ticket' }));
    expect(b.ref).toBeGreaterThan(a.ref);
    expect((await getIncident(db, String(a.ref)))?.id).toBe(a.id);
    expect((await getIncident(db, a.id))?.openedAt).toEqual(t0);
    const first = await listIncidents(db, { limit: 1 });
    expect(first.incidents.map((i) => i.id)).toEqual([b.id]);
    const second = await listIncidents(db, { limit: 1, beforeRef: first.nextBeforeRef ?? 0 });
    expect(second.incidents.map((i) => i.id)).toEqual([a.id]);
    await acknowledgeIncident(db, a.id, 'amina', later(2));
    const acked = await listIncidents(db, { statuses: ['acknowledged'], limit: 10 });
    expect(acked.incidents.map((i) => i.id)).toEqual([a.id]);
  });

  it('acknowledges only open incidents and resolves only unresolved ones', async () => {
    const incident = await insertIncident(db, newIncident());
    expect(await acknowledgeIncident(db, incident.id, 'amina', later(3))).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'amina',
      acknowledgedAt: later(3),
    });
    expect(await acknowledgeIncident(db, incident.id, 'brian', later(4))).toBeUndefined();
    expect(await resolveIncident(db, incident.id, 'amina', later(9))).toMatchObject({ status: 'resolved' });
    expect(await resolveIncident(db, incident.id, 'amina', later(10))).toBeUndefined();
  });

  it('moves escalation only from the step it was at, and only while open', async () => {
    const incident = await insertIncident(db, newIncident());
    const step = (
      from: { level: number; repeat: number; notified: boolean },
      to: { level: number; repeat: number },
    ) => recordEscalationStep(db, { id: incident.id, round: 1, from, to, at: later(1) });
    expect(await step({ level: 0, repeat: 0, notified: false }, { level: 0, repeat: 0 })).toMatchObject({
      escalatedAt: later(1),
    });
    expect(await step({ level: 0, repeat: 0, notified: false }, { level: 0, repeat: 0 })).toBeUndefined();
    expect(await step({ level: 0, repeat: 0, notified: true }, { level: 1, repeat: 0 })).toMatchObject({
      escalationLevel: 1,
    });
    await acknowledgeIncident(db, incident.id, 'amina', later(2));
    expect(await step({ level: 1, repeat: 0, notified: true }, { level: 2, repeat: 0 })).toBeUndefined();
  });

  it('sets the first statement once and measures silence of unresolved customer-facing incidents', async () => {
    const before = await openIncidentStats(db, later(10));
    const silent = await insertIncident(db, newIncident({ openedAt: later(4) }));
    const stats = await openIncidentStats(db, later(10));
    expect(stats.openBySeverity.page).toBe(before.openBySeverity.page + 1);
    expect(stats.maxCommsSilenceSeconds).toBeGreaterThanOrEqual(360);
    expect((await markFirstStatement(db, [silent.id], later(11))).map((i) => i.id)).toEqual([silent.id]);
    expect(await markFirstStatement(db, [silent.id], later(12))).toEqual([]);
    expect((await getIncident(db, silent.id))?.firstStatementAt).toEqual(later(11));
  });

  it('keeps a timeline, statements (latest first), the notification log and the outbox', async () => {
    const incident = await insertIncident(db, newIncident());
    await addTimelineEntry(db, {
      incidentId: incident.id,
      at: t0,
      kind: 'triggered',
      actor: 'alertmanager',
      detail: { x: 1 },
    });
    await addTimelineEntry(db, {
      incidentId: incident.id,
      at: later(1),
      kind: 'acknowledged',
      actor: 'amina',
    });
    expect((await listTimeline(db, incident.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['triggered', { x: 1 }],
      ['acknowledged', {}],
    ]);

    const statement = (id: string, at: Date) => ({
      id,
      incidentId: incident.id,
      text: 'We are aware of token purchase failures.',
      lang: 'en',
      source: 'console' as const,
      author: 'wanjiku',
      publishedAt: at,
      statusPageState: 'investigating' as const,
    });
    await insertStatement(db, statement(`st-a-${incident.id}`, later(1)));
    await insertStatement(db, statement(`st-b-${incident.id}`, later(2)));
    const listed = await listStatements(db, { limit: 10, incidentId: incident.id });
    expect(listed.map((s) => s.id)).toEqual([`st-b-${incident.id}`, `st-a-${incident.id}`]);

    const notification = {
      key: `page-${incident.id}-1-0-0-sms-amina`,
      incidentId: incident.id,
      purpose: 'page' as const,
      channel: 'sms' as const,
      to: '+254700000101',
      recipient: 'amina',
      subject: 's',
      text: 't',
    };
    await logQueuedNotification(db, notification, 0, t0);
    await logQueuedNotification(db, notification, 0, later(1));
    const delivered = { status: 'delivered' as const, attempts: 2, reason: null };
    expect(await recordNotificationOutcome(db, notification, delivered, later(2))).toBe(true);
    expect(await recordNotificationOutcome(db, notification, delivered, later(3))).toBe(false);
    expect(await listNotifications(db, incident.id)).toEqual([
      expect.objectContaining({
        key: notification.key,
        status: 'delivered',
        attempts: 2,
        level: 0,
        createdAt: t0,
      }),
    ]);
    // Delivery can report before the queued entry is committed: the outcome creates it, the late log adds the level.
    const fast = { ...notification, key: `${notification.key}-fast` };
    expect(await recordNotificationOutcome(db, fast, delivered, later(4))).toBe(true);
    await logQueuedNotification(db, fast, 1, later(5));
    expect((await listNotifications(db, incident.id)).find((n) => n.key === fast.key)).toMatchObject({
      status: 'delivered',
      level: 1,
    });

    await addOutboxAction(db, incident.id, { kind: 'page', round: 1 }, t0);
    const [pending] = (await listPendingActions(db, 100)).filter((p) => p.incidentId === incident.id);
    expect(pending?.action).toEqual({ kind: 'page', round: 1 });
    await completeAction(db, pending?.id ?? 0, later(1));
    expect((await listPendingActions(db, 100)).filter((p) => p.incidentId === incident.id)).toEqual([]);
  });
});
