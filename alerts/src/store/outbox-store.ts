import type { SqlQueryable } from '@stimawatch/core/db';

/** Side effects decided inside a database transaction and carried out after it commits (Redis, delivery). */
export type OutboxAction =
  | { kind: 'page'; round: number }
  | { kind: 'ticket'; round: number }
  | { kind: 'start_comms_timer'; round: number }
  | { kind: 'cancel_escalation'; round: number }
  | { kind: 'cancel_comms_timer'; round: number };

export interface PendingAction {
  id: number;
  incidentId: string;
  action: OutboxAction;
  attempts: number;
}

export async function addOutboxAction(
  q: SqlQueryable,
  incidentId: string,
  action: OutboxAction,
  at: Date,
): Promise<void> {
  await q.query(
    'INSERT INTO outbox_actions (incident_id, kind, payload, created_at) VALUES ($1, $2, $3, $4)',
    [incidentId, action.kind, JSON.stringify(action), at.toISOString()],
  );
}

export async function listPendingActions(q: SqlQueryable, limit: number): Promise<PendingAction[]> {
  const { rows } = await q.query<{
    id: number;
    incident_id: string;
    payload: OutboxAction;
    attempts: number;
  }>(
    'SELECT id, incident_id, payload, attempts FROM outbox_actions WHERE done_at IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    incidentId: row.incident_id,
    action: row.payload,
    attempts: Number(row.attempts),
  }));
}

export async function completeAction(q: SqlQueryable, id: number, at: Date, error?: string): Promise<void> {
  await q.query(
    'UPDATE outbox_actions SET done_at = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1',
    [id, at.toISOString(), error ?? null],
  );
}

export async function recordActionFailure(q: SqlQueryable, id: number, error: string): Promise<void> {
  await q.query('UPDATE outbox_actions SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
    id,
    error,
  ]);
}
