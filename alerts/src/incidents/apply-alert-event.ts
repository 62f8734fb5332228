import type { SqlQueryable } from '@stimawatch/core/db';
import { type AlertEvent, hasFiringAlerts, upsertIncidentAlert } from '../store/alert-event-store';
import {
  insertIncident,
  latestIncidentWithAlert,
  openIncidentOfTeam,
  raiseSeverityToPage,
  reopenIncident,
  unresolvedIncidentWithAlert,
} from '../store/incident-store';
import { addOutboxAction } from '../store/outbox-store';
import type { Incident, IncidentAlert } from '../store/records';
import { addTimelineEntry } from '../store/timeline-store';
import { classifyAlert } from './classify-alert';
import { queueOpeningActions, resolveInTx } from './incident-transitions';

export interface EventOutcome {
  incidentId: string | null;
  /** Set when this event resolved the incident: seconds since its episode began (for MTTR). */
  resolved?: Incident;
}

export interface ApplyOptions {
  now: Date;
  reopenWindowMs: number;
  /** A new alert joins its team's unresolved incident opened within this window instead of paging again. */
  correlationWindowMs: number;
  newId: () => string;
}

const ACTOR = 'alertmanager';

/**
 * Turns one stored alert event into incident changes (in the caller's transaction). Rules:
 * - alerts are grouped into incidents by Alertmanager `groupKey` + `service` label;
 * - a page alert with no incident of its own joins its team's unresolved incident opened within
 *   `correlationWindowMs` (one outage trips several rules; the on-call is paged once, the timeline lists them);
 * - a firing alert joins the group's unresolved incident, else reopens the group's last incident when it was
 *   resolved less than `reopenWindowMs` ago, else opens a new incident;
 * - a resolved alert resolves the incident once none of its alerts is still firing;
 * - info alerts never touch incidents; a resolution older than the alert's latest firing is ignored.
 */
export async function applyAlertEvent(
  tx: SqlQueryable,
  event: AlertEvent,
  options: ApplyOptions,
): Promise<EventOutcome> {
  const facts = classifyAlert(event.payload);
  if (facts.severity === 'info') return { incidentId: null };
  const { alert, groupKey } = event.payload;
  const { now } = options;
  const correlating = options.correlationWindowMs > 0;
  const ofGroup = await latestIncidentWithAlert(tx, groupKey, facts.service, alert.fingerprint);
  // An alert that joined another group's incident is followed there until that incident resolves.
  const joined =
    correlating && ofGroup.alert === undefined
      ? await unresolvedIncidentWithAlert(tx, alert.fingerprint)
      : undefined;
  const { incident: current, alert: known } = joined ?? ofGroup;
  const record = (incidentId: string, status: IncidentAlert['status']) =>
    upsertIncidentAlert(tx, {
      incidentId,
      fingerprint: alert.fingerprint,
      alertname: facts.alertname,
      status,
      startsAt: alert.startsAt,
      updatedAt: now,
    });

  if (alert.status === 'resolved') {
    if (current === undefined) return { incidentId: null };
    if (known && isOlder(alert.startsAt, known.startsAt)) return { incidentId: current.id };
    // Recorded even when its firing was never seen, so that firing arriving late is recognised as stale.
    await record(current.id, 'resolved');
    if (current.status === 'resolved' || known === undefined) return { incidentId: current.id };
    if (await hasFiringAlerts(tx, current.id)) return { incidentId: current.id };
    const resolved = await resolveInTx(tx, current, ACTOR, 'alertmanager', now);
    return resolved ? { incidentId: current.id, resolved } : { incidentId: current.id };
  }

  // A firing event that predates what we already know (its resolution arrived first) changes nothing.
  if (
    known &&
    (isOlder(alert.startsAt, known.startsAt) ||
      (known.startsAt === alert.startsAt && known.status === 'resolved'))
  ) {
    return { incidentId: current?.id ?? null };
  }
  const detail = { alertname: facts.alertname, fingerprint: alert.fingerprint };

  const joinable =
    current && current.status !== 'resolved'
      ? current
      : correlating && facts.severity === 'page'
        ? await openIncidentOfTeam(tx, facts.team, new Date(now.getTime() - options.correlationWindowMs))
        : undefined;
  if (joinable) {
    await record(joinable.id, 'firing');
    if (known?.status !== 'firing') {
      await addTimelineEntry(tx, {
        incidentId: joinable.id,
        at: now,
        kind: 'triggered',
        actor: ACTOR,
        detail,
      });
    }
    if (facts.severity === 'page' && joinable.severity === 'ticket') {
      const raised = await raiseSeverityToPage(tx, joinable.id);
      await addOutboxAction(tx, raised.id, { kind: 'page', round: raised.round }, now);
    }
    return { incidentId: joinable.id };
  }

  if (current?.resolvedAt && now.getTime() - current.resolvedAt.getTime() <= options.reopenWindowMs) {
    let reopened = await reopenIncident(tx, current.id, now);
    if (facts.severity === 'page' && reopened.severity === 'ticket')
      reopened = await raiseSeverityToPage(tx, current.id);
    await record(reopened.id, 'firing');
    await addTimelineEntry(tx, { incidentId: reopened.id, at: now, kind: 'reopened', actor: ACTOR, detail });
    await queueOpeningActions(tx, reopened, now);
    return { incidentId: reopened.id };
  }

  const incident = await insertIncident(tx, {
    id: options.newId(),
    groupKey,
    service: facts.service,
    severity: facts.severity,
    team: facts.team,
    title: facts.title,
    customerFacing: facts.customerFacing,
    openedAt: now,
  });
  await record(incident.id, 'firing');
  await addTimelineEntry(tx, { incidentId: incident.id, at: now, kind: 'triggered', actor: ACTOR, detail });
  await queueOpeningActions(tx, incident, now);
  return { incidentId: incident.id };
}

/** RFC 3339 instants compared as instants (Alertmanager may vary the fraction digits). */
function isOlder(startsAt: string, than: string): boolean {
  return Date.parse(startsAt) < Date.parse(than);
}
