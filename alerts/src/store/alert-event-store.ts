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

const INSERT_CHUNK = 500;

/**
 * Stores every alert of the given notifications once per (fingerprint, startsAt, status): Alertmanager HA
 * replicas and retries send the same alert again, and its resolution is a separate event. Info alerts (Watchdog)
 * also refresh their heartbeat even when the event itself is a duplicate. Returns one result per notification;
 * an alert repeated within the batch counts as inserted once, for the first notification carrying it.
 */
export async function recordAlertEventBatch(
  q: SqlQueryable,
  notifications: readonly AlertmanagerPayload[],
  receivedAt: Date,
): Promise<RecordResult[]> {
  const rows = notifications.flatMap((notification, index) =>
    notification.alerts.map((alert) => ({ index, notification, alert })),
  );
  const key = (fingerprint: string, startsAt: string, status: string) =>
    `${fingerprint}\u0000${startsAt}\u0000${status}`;
  const inserted = new Set<string>();
  const at = receivedAt.toISOString();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const { rows: returned } = await q.query<{ fingerprint: string; starts_at: string; status: string }>(
      `INSERT INTO alert_events (fingerprint, starts_at, status, group_key, received_at, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
       ON CONFLICT (fingerprint, starts_at, status) DO NOTHING
       RETURNING fingerprint, starts_at, status`,
      [
        chunk.map((row) => row.alert.fingerprint),
        chunk.map((row) => row.alert.startsAt),
        chunk.map((row) => row.alert.status),
        chunk.map((row) => row.notification.groupKey),
        chunk.map(() => at),
        chunk.map((row) => JSON.stringify(storedPayload(row.notification, row.alert))),
      ],
    );
    for (const row of returned) inserted.add(key(row.fingerprint, row.starts_at, row.status));
  }
  const results = notifications.map((): RecordResult => ({ inserted: 0, duplicates: 0 }));
  const heartbeats = new Set<string>();
  for (const row of rows) {
    const result = results[row.index] as RecordResult;
    if (inserted.delete(key(row.alert.fingerprint, row.alert.startsAt, row.alert.status)))
      result.inserted += 1;
    else result.duplicates += 1;
    const severity = row.alert.labels.severity ?? row.notification.commonLabels.severity;
    if (severity === 'info' && row.alert.status === 'firing')
      heartbeats.add(row.alert.labels.alertname ?? 'unnamed');
  }
  for (const alertname of heartbeats) {
    await q.query(
      `INSERT INTO alert_heartbeats (alertname, last_seen_at) VALUES ($1, $2)
       ON CONFLICT (alertname) DO UPDATE SET last_seen_at = GREATEST(alert_heartbeats.last_seen_at, $2)`,
      [alertname, at],
    );
  }
  return results;
}

export async function recordAlertEvents(
  q: SqlQueryable,
  notification: AlertmanagerPayload,
  receivedAt: Date,
): Promise<RecordResult> {
  const [result] = await recordAlertEventBatch(q, [notification], receivedAt);
  return result ?? { inserted: 0, duplicates: 0 };
}

function storedPayload(notification: AlertmanagerPayload, alert: AlertmanagerAlert): AlertEventPayload {
  return {
    receiver: notification.receiver,
    groupKey: notification.groupKey,
    groupLabels: notification.groupLabels,
    commonLabels: notification.commonLabels,
    commonAnnotations: notification.commonAnnotations,
    externalURL: notification.externalURL,
    alert,
  };
}

export async function listUnprocessedEvents(q: SqlQueryable, limit: number): Promise<AlertEvent[]> {
  const { rows } = await q.query<{ id: number; received_at: unknown; payload: AlertEventPayload }>(
    'SELECT id, received_at, payload FROM alert_events WHERE processed_at IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    receivedAt: toDate(row.received_at),
    payload: row.payload,
  }));
}

/** Marks applied events, each with the incident it went to (null: no incident, e.g. an info alert). */
export async function markEventsProcessed(
  q: SqlQueryable,
  events: readonly { id: number; incidentId: string | null }[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await q.query(
    `UPDATE alert_events AS e SET processed_at = $1, incident_id = u.incident_id
     FROM unnest($2::bigint[], $3::text[]) AS u(id, incident_id) WHERE e.id = u.id`,
    [at.toISOString(), events.map((e) => e.id), events.map((e) => e.incidentId)],
  );
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
    [
      alert.incidentId,
      alert.fingerprint,
      alert.alertname,
      alert.status,
      alert.startsAt,
      alert.updatedAt.toISOString(),
    ],
  );
}

export async function hasFiringAlerts(q: SqlQueryable, incidentId: string): Promise<boolean> {
  const { rows } = await q.query<{ firing: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM incident_alerts WHERE incident_id = $1 AND status = 'firing') AS firing",
    [incidentId],
  );
  return rows[0]?.firing === true;
}

export async function listIncidentAlerts(q: SqlQueryable, incidentId: string): Promise<IncidentAlert[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    'SELECT * FROM incident_alerts WHERE incident_id = $1 ORDER BY alertname, fingerprint',
    [incidentId],
  );
  return rows.map(toIncidentAlert);
}

function toIncidentAlert(row: Record<string, unknown>): IncidentAlert {
  return {
    incidentId: String(row.incident_id),
    fingerprint: String(row.fingerprint),
    alertname: String(row.alertname),
    status: row.status as IncidentAlert['status'],
    startsAt: String(row.starts_at),
    updatedAt: toDate(row.updated_at),
  };
}
