import type { SqlQueryable } from '@stimawatch/core/db';
import type { Notification } from '../delivery/notification';
import { type NotificationRecord, toDate } from './records';

/** Logs a notification handed to delivery; the same key is logged once however often it is enqueued. */
export async function logQueuedNotification(
  q: SqlQueryable,
  notification: Notification,
  level: number | null,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO notifications (key, incident_id, purpose, channel, recipient, level, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $7) ON CONFLICT (key) DO NOTHING`,
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

export async function recordNotificationOutcome(
  q: SqlQueryable,
  outcome: { key: string; status: 'delivered' | 'failed'; attempts: number; reason: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    'UPDATE notifications SET status = $2, attempts = $3, reason = $4, updated_at = $5 WHERE key = $1',
    [outcome.key, outcome.status, outcome.attempts, outcome.reason, at.toISOString()],
  );
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
