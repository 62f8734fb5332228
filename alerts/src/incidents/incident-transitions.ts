import type { SqlQueryable } from '@stimawatch/core/db';
import { acknowledgeIncident, resolveIncident } from '../store/incident-store';
import { addOutboxAction } from '../store/outbox-store';
import type { Incident } from '../store/records';
import { addTimelineEntry } from '../store/timeline-store';

/** How a human or system reached the incident: kept in the timeline. */
export type Via = 'api' | 'link' | 'sms' | 'alertmanager' | 'console';

/** open → acknowledged inside a transaction: timeline entry and the escalation timers' cancellation. */
export async function acknowledgeInTx(
  tx: SqlQueryable,
  incident: Incident,
  actor: string,
  via: Via,
  now: Date,
): Promise<Incident | undefined> {
  const acknowledged = await acknowledgeIncident(tx, incident.id, actor, now);
  if (acknowledged === undefined) return undefined;
  await addTimelineEntry(tx, {
    incidentId: incident.id,
    at: now,
    kind: 'acknowledged',
    actor,
    detail: { via },
  });
  await addOutboxAction(tx, incident.id, { kind: 'cancel_escalation', round: incident.round }, now);
  return acknowledged;
}

/** open/acknowledged → resolved inside a transaction: timeline entry and cancellation of every timer. */
export async function resolveInTx(
  tx: SqlQueryable,
  incident: Incident,
  actor: string,
  via: Via,
  now: Date,
): Promise<Incident | undefined> {
  const resolved = await resolveIncident(tx, incident.id, actor, now);
  if (resolved === undefined) return undefined;
  await addTimelineEntry(tx, { incidentId: incident.id, at: now, kind: 'resolved', actor, detail: { via } });
  await addOutboxAction(tx, incident.id, { kind: 'cancel_escalation', round: incident.round }, now);
  await addOutboxAction(tx, incident.id, { kind: 'cancel_comms_timer', round: incident.round }, now);
  return resolved;
}

/** The side effects of an incident (re)opening: a page or a ticket, and the public-silence timer. */
export async function queueOpeningActions(tx: SqlQueryable, incident: Incident, now: Date): Promise<void> {
  await addOutboxAction(tx, incident.id, { kind: incident.severity, round: incident.round }, now);
  if (incident.customerFacing && incident.firstStatementAt === null) {
    await addOutboxAction(tx, incident.id, { kind: 'start_comms_timer', round: incident.round }, now);
  }
}
