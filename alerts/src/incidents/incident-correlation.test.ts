import { openPgliteClient, type SqlClient } from '@stimawatch/core/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload } from '../../test/support/alertmanager-fixtures';
import { createEngineHarness } from '../../test/support/engine-harness';
import { migrateAlertsStore } from '../store/migrations';

const HOUR = 60 * 60_000;
let db: SqlClient;
beforeAll(async () => {
  db = await openPgliteClient(undefined);
  await migrateAlertsStore(db);
});
afterAll(async () => {
  await db.close();
});

const burnRate = '{}/{severity="page"}:{alertname="VendFailureBurnRate", service="vending"}';
const errorSpike = '{}/{severity="page"}:{alertname="PaymentErrorSpike", service="payments"}';
const openIncidents = async () =>
  (
    await db.query<{ id: string; group_key: string }>(
      "SELECT id, group_key FROM incidents WHERE status <> 'resolved'",
    )
  ).rows;

describe('incident correlation', () => {
  it('joins alerts of one outage into the team incident: one page, and it resolves when all have resolved', async () => {
    const h = createEngineHarness(db, { correlationWindowMs: HOUR });
    await h.engine.ingest(webhookPayload([{ fingerprint: 'burn' }], { groupKey: burnRate }));
    await h.engine.ingest(
      webhookPayload([{ fingerprint: 'spike', alertname: 'PaymentErrorSpike' }], {
        groupKey: errorSpike,
        labels: { service: 'payments' },
      }),
    );
    const incidents = await openIncidents();
    expect(incidents).toHaveLength(1);
    expect(h.delivery.sent.filter((n) => n.purpose === 'page' && n.channel === 'sms')).toHaveLength(1);
    const { rows: alerts } = await db.query<{ fingerprint: string }>(
      'SELECT fingerprint FROM incident_alerts WHERE incident_id = $1 ORDER BY fingerprint',
      [incidents[0]?.id],
    );
    expect(alerts.map((a) => a.fingerprint)).toEqual(['burn', 'spike']);

    await h.engine.ingest(
      webhookPayload([{ fingerprint: 'burn', status: 'resolved' }], { groupKey: burnRate }),
    );
    expect(await openIncidents()).toHaveLength(1);
    await h.engine.ingest(
      webhookPayload([{ fingerprint: 'spike', alertname: 'PaymentErrorSpike', status: 'resolved' }], {
        groupKey: errorSpike,
        labels: { service: 'payments' },
      }),
    );
    expect(await openIncidents()).toEqual([]);
  });

  it('keeps another team’s alert in its own incident', async () => {
    const h = createEngineHarness(db, { correlationWindowMs: HOUR });
    await h.engine.ingest(webhookPayload([{ fingerprint: 'burn-2' }], { groupKey: `${burnRate}-2` }));
    await h.engine.ingest(
      webhookPayload([{ fingerprint: 'surge', alertname: 'SocialComplaintSurge' }], {
        groupKey: '{}/{severity="page"}:{alertname="SocialComplaintSurge"}',
        labels: { service: 'social', team: 'comms' },
      }),
    );
    const { rows } = await db.query<{ team: string }>(
      "SELECT team FROM incidents WHERE status <> 'resolved' ORDER BY team",
    );
    expect(rows.map((row) => row.team)).toEqual(['comms', 'oncall']);
  });
});
