import type { Incident, TimelineEntry } from '../../api/wire-types';
import { between } from '../../common/format';

/** When the current episode began: a reopened incident starts over. */
export function episodeStart(incident: Incident): string {
  return incident.reopenedAt ?? incident.openedAt;
}

export interface IncidentTimes {
  /** Alert to acknowledgement. */
  toAck: number | null;
  /** Alert to resolution. */
  toResolve: number | null;
  /** Alert to the first public statement. */
  toFirstStatement: number | null;
}

export function incidentTimes(incident: Incident): IncidentTimes {
  const start = episodeStart(incident);
  return {
    toAck: between(start, incident.acknowledgedAt),
    toResolve: between(start, incident.resolvedAt),
    toFirstStatement: between(start, incident.firstStatementAt),
  };
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null && value >= 0);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Mean time to acknowledge and to resolve over the incidents that got there (MTTA, MTTR). */
export function meanTimes(incidents: readonly Incident[]): { mtta: number | null; mttr: number | null } {
  const times = incidents.map(incidentTimes);
  return { mtta: mean(times.map((t) => t.toAck)), mttr: mean(times.map((t) => t.toResolve)) };
}

/** Alert to the first page that reached someone (detection → response starts). */
export function timeToFirstPage(incident: Incident, timeline: readonly TimelineEntry[]): number | null {
  const first = timeline.find((entry) => entry.kind === 'notified');
  return first === undefined ? null : between(episodeStart(incident), first.at);
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** One readable line per timeline entry; every value is plain text (React escapes it). */
export function describeEntry(entry: TimelineEntry): string {
  const d = entry.detail;
  switch (entry.kind) {
    case 'triggered':
      return `Alert ${text(d.alertname) || 'fired'}${d.summary ? `: ${text(d.summary)}` : ''}`;
    case 'escalated': {
      const level = Number(d.level ?? 0) + 1;
      const who = Array.isArray(d.recipients) ? d.recipients.map(text).join(', ') : '';
      const step =
        Number(d.level ?? 0) === 0 && Number(d.repeat ?? 0) === 0 ? 'Paged' : `Escalated to level ${level}`;
      return `${step}${who ? `: ${who}` : ''}`;
    }
    case 'notified':
      return `${text(d.purpose) || 'Notification'} delivered by ${text(d.channel)} to ${text(d.recipient)}`;
    case 'notification_failed':
      return `${text(d.purpose) || 'Notification'} by ${text(d.channel)} to ${text(d.recipient)} failed${d.reason ? `: ${text(d.reason)}` : ''}`;
    case 'acknowledged':
      return `Acknowledged by ${entry.actor}${d.via ? ` (${text(d.via)})` : ''}`;
    case 'resolved':
      return `Resolved by ${entry.actor}${d.via ? ` (${text(d.via)})` : ''}`;
    case 'statement_published':
      return `Public statement (${text(d.state)}) by ${entry.actor}${d.first === true ? ', the first' : ''}`;
    case 'reopened':
      return 'Reopened: the alert fired again';
    case 'comms_nudged':
      return `Comms nudged: no public statement yet${Array.isArray(d.recipients) ? ` (${d.recipients.map(text).join(', ')})` : ''}`;
    default:
      return `${entry.kind} by ${entry.actor}`;
  }
}
