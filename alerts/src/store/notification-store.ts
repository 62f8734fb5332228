import type { SqlQueryable } from '@stimawatch/core/db';
import type { Notification } from '../delivery/notification';
import { type NotificationRecord, toDate } from './records';

/**
 * Logs a notification handed to delivery; the same key is logged once however often it is enqueued. Its outcome
 * may have been recorded already (delivery can be faster than this transaction): then only the level is added.
 */
export async function logQueuedNotification(
  q: SqlQueryable,
  notification: Notification,
  level: number | null,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO notifications (key, incident_id, purpose, channel, recipient, level, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $7)
     ON CONFLICT (key) DO UPDATE SET level = coalesce(notifications.level, excluded.level)`,
    [
      notification.key,
      notification.incidentId,
      notification.purpose,
      notification.channel,
      notification.recipient,
      level,
      at.toISOString(),
    ],
  );
}

/**
 * Records a delivery outcome, creating the log entry if the queued one is not committed yet. Returns false when
 * this outcome was already recorded (delivery reports at least once), so the caller adds no second timeline entry.
 */
export async function recordNotificationOutcome(
  q: SqlQueryable,
  notification: Notification,
  outcome: { status: 'delivered' | 'failed'; attempts: number; reason: string | null },
  at: Date,
): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO notifications
       (key, incident_id, purpose, channel, recipient, level, status, attempts, reason, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $9)
     ON CONFLICT (key) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
       reason = excluded.reason, updated_at = excluded.updated_at
     WHERE notifications.status IS DISTINCT FROM excluded.status OR notifications.attempts <> excluded.attempts
     RETURNING key`,
    [
      notification.key,
      notification.incidentId,
      notification.purpose,
      notification.channel,
      notification.recipient,
      outcome.status,
      outcome.attempts,
      outcome.reason,
      at.toISOString(),
    ],
  );
  return rows.length > 0;
}

export async function listNotifications(q: SqlQueryable, incidentId: string): Promise<NotificationRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    'SELECT * FROM notifications WHERE incident_id = $1 ORDER BY created_at, key',
    [incidentId],
  );
  return rows.map((row) => ({
    key: String(row.key),
    incidentId: String(row.incident_id),
    purpose: String(row.purpose),
    channel: String(row.channel),
    recipient: String(row.recipient),
    level: row.level === null ? null : Number(row.level),
    status: row.status as NotificationRecord['status'],
    attempts: Number(row.attempts),
    reason: (row.reason as string | null) ?? null,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  }));
}
