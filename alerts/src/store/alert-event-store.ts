import type { AlertmanagerAlert, AlertmanagerPayload } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import { type IncidentAlert, toDate } from './records';

/** One alert of a webhook notification with the group context it arrived in, as stored. */
export interface AlertEventPayload {
  receiver: string;
  groupKey: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alert: AlertmanagerAlert;
}

export interface AlertEvent {
  id: number;
  receivedAt: Date;
  payload: AlertEventPayload;
}

export interface RecordResult {
  inserted: number;
  duplicates: number;
}

/**
 * Stores every alert of a notification once per (fingerprint, startsAt, status): Alertmanager HA replicas and
 * retries send the same alert again, and its resolution is a separate event. Info alerts (Watchdog) also
 * refresh their heartbeat even when the event itself is a duplicate.
 */
export async function recordAlertEvents(
  q: SqlQueryable,
  notification: AlertmanagerPayload,
  receivedAt: Date,
): Promise<RecordResult> {
  const result: RecordResult = { inserted: 0, duplicates: 0 };
  for (const alert of notification.alerts) {
    const payload: AlertEventPayload = {
      receiver: notification.receiver,
      groupKey: notification.groupKey,
      groupLabels: notification.groupLabels,
      commonLabels: notification.commonLabels,
      commonAnnotations: notification.commonAnnotations,
      externalURL: notification.externalURL,
      alert,
    };
    const { rows } = await q.query(
      `INSERT INTO alert_events (fingerprint, starts_at, status, group_key, received_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (fingerprint, starts_at, status) DO NOTHING RETURNING id`,
      [
        alert.fingerprint,
        alert.startsAt,
        alert.status,
        notification.groupKey,
        receivedAt.toISOString(),
        JSON.stringify(payload),
      ],
    );
    if (rows.length > 0) result.inserted += 1;
    else result.duplicates += 1;
    const severity = alert.labels.severity ?? notification.commonLabels.severity;
    if (severity === 'info' && alert.status === 'firing') {
      await q.query(
        `INSERT INTO alert_heartbeats (alertname, last_seen_at) VALUES ($1, $2)
         ON CONFLICT (alertname) DO UPDATE SET last_seen_at = GREATEST(alert_heartbeats.last_seen_at, $2)`,
        [alert.labels.alertname ?? 'unnamed', receivedAt.toISOString()],
      );
    }
  }
  return result;
}

export async function listUnprocessedEvents(q: SqlQueryable, limit: number): Promise<AlertEvent[]> {
  const { rows } = await q.query<{ id: number; received_at: unknown; payload: AlertEventPayload }>(
    'SELECT id, received_at, payload FROM alert_events WHERE processed_at IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({ id: Number(row.id), receivedAt: toDate(row.received_at), payload: row.payload }));
}

export async function markEventProcessed(
  q: SqlQueryable,
  id: number,
  incidentId: string | null,
  at: Date,
): Promise<void> {
  await q.query('UPDATE alert_events SET processed_at = $2, incident_id = $3 WHERE id = $1', [
    id,
    at.toISOString(),
    incidentId,
  ]);
}

export async function listHeartbeats(q: SqlQueryable): Promise<{ alertname: string; lastSeenAt: Date }[]> {
  const { rows } = await q.query<{ alertname: string; last_seen_at: unknown }>(
    'SELECT alertname, last_seen_at FROM alert_heartbeats ORDER BY alertname',
  );
  return rows.map((row) => ({ alertname: row.alertname, lastSeenAt: toDate(row.last_seen_at) }));
}

export async function upsertIncidentAlert(q: SqlQueryable, alert: IncidentAlert): Promise<void> {
  await q.query(
    `INSERT INTO incident_alerts (incident_id, fingerprint, alertname, status, starts_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (incident_id, fingerprint) DO UPDATE
       SET status = $4, starts_at = $5, updated_at = $6, alertname = $3`,
    [alert.incidentId, alert.fingerprint, alert.alertname, alert.status, alert.startsAt, alert.updatedAt.toISOString()],
  );
}

export async function listIncidentAlerts(q: SqlQueryable, incidentId: string): Promise<IncidentAlert[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    'SELECT * FROM incident_alerts WHERE incident_id = $1 ORDER BY alertname, fingerprint',
    [incidentId],
  );
  return rows.map((row) => ({
    incidentId: String(row.incident_id),
    fingerprint: String(row.fingerprint),
    alertname: String(row.alertname),
    status: row.status as IncidentAlert['status'],
    startsAt: String(row.starts_at),
    updatedAt: toDate(row.updated_at),
  }));
}
