import type { SqlQueryable } from '@stimawatch/core/db';
import { type TimelineEntry, type TimelineKind, toDate } from './records';

type Row = Record<string, unknown>;

export async function addTimelineEntry(
  q: SqlQueryable,
  entry: {
    incidentId: string;
    at: Date;
    kind: TimelineKind;
    actor: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await q.query(
    'INSERT INTO timeline_entries (incident_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.incidentId, entry.at.toISOString(), entry.kind, entry.actor, JSON.stringify(entry.detail ?? {})],
  );
}

export async function listTimeline(q: SqlQueryable, incidentId: string): Promise<TimelineEntry[]> {
  const { rows } = await q.query<Row>(
    'SELECT * FROM timeline_entries WHERE incident_id = $1 ORDER BY at, id',
    [incidentId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    incidentId: String(row.incident_id),
    at: toDate(row.at),
    kind: row.kind as TimelineKind,
    actor: String(row.actor),
    detail: (row.detail as Record<string, unknown>) ?? {},
  }));
}
