import type { SqlQueryable } from '@stimawatch/core/db';
import { type Incident, type IncidentSeverity, type IncidentStatus, toDate, toDateOrNull } from './records';

type Row = Record<string, unknown>;

function toIncident(row: Row): Incident {
  return {
    id: String(row.id),
    ref: Number(row.ref),
    groupKey: String(row.group_key),
    service: String(row.service),
    severity: row.severity as IncidentSeverity,
    team: String(row.team),
    title: String(row.title),
    status: row.status as IncidentStatus,
    customerFacing: row.customer_facing === true,
    openedAt: toDate(row.opened_at),
    reopenedAt: toDateOrNull(row.reopened_at),
    round: Number(row.round),
    acknowledgedAt: toDateOrNull(row.acknowledged_at),
    acknowledgedBy: (row.acknowledged_by as string | null) ?? null,
    resolvedAt: toDateOrNull(row.resolved_at),
    resolvedBy: (row.resolved_by as string | null) ?? null,
    firstStatementAt: toDateOrNull(row.first_statement_at),
    escalationLevel: Number(row.escalation_level),
    escalationRepeat: Number(row.escalation_repeat),
    escalatedAt: toDateOrNull(row.escalated_at),
  };
}

export interface NewIncident {
  id: string;
  groupKey: string;
  service: string;
  severity: IncidentSeverity;
  team: string;
  title: string;
  customerFacing: boolean;
  openedAt: Date;
}

export async function insertIncident(q: SqlQueryable, input: NewIncident): Promise<Incident> {
  const { rows } = await q.query<Row>(
    `INSERT INTO incidents (id, group_key, service, severity, team, title, status, customer_facing, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING *`,
    [
      input.id,
      input.groupKey,
      input.service,
      input.severity,
      input.team,
      input.title,
      input.customerFacing,
      input.openedAt.toISOString(),
    ],
  );
  return toIncident(rows[0] as Row);
}

/** By id, or by the short ref when `idOrRef` is all digits. */
export async function getIncident(q: SqlQueryable, idOrRef: string): Promise<Incident | undefined> {
  const byRef = /^\d{1,15}$/.test(idOrRef);
  const { rows } = await q.query<Row>(`SELECT * FROM incidents WHERE ${byRef ? 'ref' : 'id'} = $1`, [
    byRef ? Number(idOrRef) : idOrRef,
  ]);
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/**
 * The group's latest incident together with what it knows of one alert (by fingerprint), in one round trip:
 * the question every incoming alert event asks first.
 */
export async function latestIncidentWithAlert(
  q: SqlQueryable,
  groupKey: string,
  service: string,
  fingerprint: string,
): Promise<{ incident?: Incident; alert?: { status: 'firing' | 'resolved'; startsAt: string } }> {
  const { rows } = await q.query<Row>(
    `SELECT i.*, a.status AS alert_status, a.starts_at AS alert_starts_at
     FROM incidents i LEFT JOIN incident_alerts a ON a.incident_id = i.id AND a.fingerprint = $3
     WHERE i.group_key = $1 AND i.service = $2 ORDER BY i.opened_at DESC, i.ref DESC LIMIT 1`,
    [groupKey, service, fingerprint],
  );
  const row = rows[0];
  if (row === undefined) return {};
  const incident = toIncident(row);
  if (row.alert_status === null || row.alert_status === undefined) return { incident };
  return {
    incident,
    alert: { status: row.alert_status as 'firing' | 'resolved', startsAt: String(row.alert_starts_at) },
  };
}

/**
 * The team's most recent unresolved incident opened since `since`: alerts of one outage that Alertmanager
 * groups apart (burn rate, error spike, paid-but-no-token) join it, so the on-call is paged once.
 */
export async function openIncidentOfTeam(
  q: SqlQueryable,
  team: string,
  since: Date,
): Promise<Incident | undefined> {
  const { rows } = await q.query<Row>(
    `SELECT * FROM incidents WHERE team = $1 AND status <> 'resolved' AND opened_at >= $2
     ORDER BY opened_at DESC, ref DESC LIMIT 1`,
    [team, since],
  );
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/** The unresolved incident an alert joined from another Alertmanager group (see `openIncidentOfTeam`). */
export async function unresolvedIncidentWithAlert(
  q: SqlQueryable,
  fingerprint: string,
): Promise<{ incident: Incident; alert: { status: 'firing' | 'resolved'; startsAt: string } } | undefined> {
  const { rows } = await q.query<Row>(
    `SELECT i.*, a.status AS alert_status, a.starts_at AS alert_starts_at
     FROM incidents i JOIN incident_alerts a ON a.incident_id = i.id AND a.fingerprint = $1
     WHERE i.status <> 'resolved' ORDER BY i.opened_at DESC, i.ref DESC LIMIT 1`,
    [fingerprint],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    incident: toIncident(row),
    alert: { status: row.alert_status as 'firing' | 'resolved', startsAt: String(row.alert_starts_at) },
  };
}

export interface IncidentPage {
  incidents: Incident[];
  /** Pass as `beforeRef` for the next page; null on the last page. */
  nextBeforeRef: number | null;
}

export async function listIncidents(
  q: SqlQueryable,
  filter: { statuses?: readonly IncidentStatus[]; limit: number; beforeRef?: number },
): Promise<IncidentPage> {
  const statuses = filter.statuses && filter.statuses.length > 0 ? [...filter.statuses] : null;
  const { rows } = await q.query<Row>(
    `SELECT * FROM incidents
     WHERE ($1::text[] IS NULL OR status = ANY($1::text[])) AND ($2::bigint IS NULL OR ref < $2::bigint)
     ORDER BY ref DESC LIMIT $3`,
    [statuses, filter.beforeRef ?? null, filter.limit + 1],
  );
  const incidents = rows.slice(0, filter.limit).map(toIncident);
  const last = incidents.at(-1);
  return { incidents, nextBeforeRef: rows.length > filter.limit && last ? last.ref : null };
}

/** Opens a resolved incident again as a new round: escalation starts over, earlier ack and resolution clear. */
export async function reopenIncident(q: SqlQueryable, id: string, at: Date): Promise<Incident> {
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET status = 'open', reopened_at = $2, round = round + 1, acknowledged_at = NULL,
       acknowledged_by = NULL, resolved_at = NULL, resolved_by = NULL, escalation_level = 0,
       escalation_repeat = 0, escalated_at = NULL
     WHERE id = $1 RETURNING *`,
    [id, at.toISOString()],
  );
  return toIncident(rows[0] as Row);
}

export async function raiseSeverityToPage(q: SqlQueryable, id: string): Promise<Incident> {
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET severity = 'page', escalation_level = 0, escalation_repeat = 0, escalated_at = NULL
     WHERE id = $1 RETURNING *`,
    [id],
  );
  return toIncident(rows[0] as Row);
}

/** Only an open incident can be acknowledged; returns undefined when it was not open. */
export async function acknowledgeIncident(
  q: SqlQueryable,
  id: string,
  by: string,
  at: Date,
): Promise<Incident | undefined> {
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $2
     WHERE id = $1 AND status = 'open' RETURNING *`,
    [id, by, at.toISOString()],
  );
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/** Returns undefined when the incident was already resolved. */
export async function resolveIncident(
  q: SqlQueryable,
  id: string,
  by: string,
  at: Date,
): Promise<Incident | undefined> {
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET status = 'resolved', resolved_at = $3, resolved_by = $2
     WHERE id = $1 AND status <> 'resolved' RETURNING *`,
    [id, by, at.toISOString()],
  );
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/**
 * Records that escalation step `to` was notified, only if the incident is still open, in the same round and
 * still at step `from` (so a stale or duplicate job cannot move it twice).
 */
export async function recordEscalationStep(
  q: SqlQueryable,
  input: {
    id: string;
    round: number;
    from: { level: number; repeat: number; notified: boolean };
    to: { level: number; repeat: number };
    at: Date;
  },
): Promise<Incident | undefined> {
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET escalation_level = $4, escalation_repeat = $5, escalated_at = $6
     WHERE id = $1 AND round = $2 AND status = 'open' AND escalation_level = $3 AND escalation_repeat = $7
       AND (escalated_at IS NOT NULL) = $8
     RETURNING *`,
    [
      input.id,
      input.round,
      input.from.level,
      input.to.level,
      input.to.repeat,
      input.at.toISOString(),
      input.from.repeat,
      input.from.notified,
    ],
  );
  return rows[0] === undefined ? undefined : toIncident(rows[0]);
}

/** Sets the first public statement time on those of the given incidents that had none; returns them. */
export async function markFirstStatement(
  q: SqlQueryable,
  incidentIds: readonly string[],
  at: Date,
): Promise<Incident[]> {
  if (incidentIds.length === 0) return [];
  const { rows } = await q.query<Row>(
    `UPDATE incidents SET first_statement_at = $2
     WHERE first_statement_at IS NULL AND id = ANY($1::text[]) RETURNING *`,
    [[...incidentIds], at.toISOString()],
  );
  return rows.map(toIncident);
}

export async function listUnresolvedCustomerFacing(q: SqlQueryable): Promise<Incident[]> {
  const { rows } = await q.query<Row>(
    "SELECT * FROM incidents WHERE status <> 'resolved' AND customer_facing ORDER BY ref",
  );
  return rows.map(toIncident);
}

/** Unresolved incidents, oldest first (status page). */
export async function listUnresolvedIncidents(q: SqlQueryable): Promise<Incident[]> {
  const { rows } = await q.query<Row>("SELECT * FROM incidents WHERE status <> 'resolved' ORDER BY ref");
  return rows.map(toIncident);
}

export interface OpenIncidentStats {
  openBySeverity: Record<IncidentSeverity, number>;
  /** Longest silence among unresolved customer-facing incidents without a statement; 0 when none. */
  maxCommsSilenceSeconds: number;
}

export async function openIncidentStats(q: SqlQueryable, now: Date): Promise<OpenIncidentStats> {
  const { rows } = await q.query<{ severity: IncidentSeverity; n: number; oldest_silent: unknown }>(
    `SELECT severity, count(*) AS n,
       min(CASE WHEN customer_facing AND first_statement_at IS NULL THEN coalesce(reopened_at, opened_at) END)
         AS oldest_silent
     FROM incidents WHERE status <> 'resolved' GROUP BY severity`,
  );
  const stats: OpenIncidentStats = { openBySeverity: { page: 0, ticket: 0 }, maxCommsSilenceSeconds: 0 };
  for (const row of rows) {
    stats.openBySeverity[row.severity] = Number(row.n);
    const oldest = toDateOrNull(row.oldest_silent);
    if (oldest !== null) {
      const silence = Math.max(0, (now.getTime() - oldest.getTime()) / 1000);
      stats.maxCommsSilenceSeconds = Math.max(stats.maxCommsSilenceSeconds, silence);
    }
  }
  return stats;
}
