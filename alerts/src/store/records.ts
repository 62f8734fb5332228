/** The alerts service's records as the rest of the code sees them (camelCase, Dates). */

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type IncidentSeverity = 'page' | 'ticket';

export interface Incident {
  id: string;
  /** Short number for humans and SMS replies ("ACK 123"). */
  ref: number;
  groupKey: string;
  service: string;
  severity: IncidentSeverity;
  team: string;
  title: string;
  status: IncidentStatus;
  customerFacing: boolean;
  openedAt: Date;
  reopenedAt: Date | null;
  /** Bumped on every reopen; keeps job ids and notification keys of each episode distinct. */
  round: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  firstStatementAt: Date | null;
  escalationLevel: number;
  escalationRepeat: number;
  escalatedAt: Date | null;
}

export const TIMELINE_KINDS = [
  'triggered',
  'notified',
  'notification_failed',
  'escalated',
  'acknowledged',
  'statement_published',
  'resolved',
  'reopened',
  'comms_nudged',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: number;
  incidentId: string;
  at: Date;
  kind: TimelineKind;
  actor: string;
  detail: Record<string, unknown>;
}

export const STATEMENT_SOURCES = ['console', 'official_account', 'api'] as const;
export type StatementSource = (typeof STATEMENT_SOURCES)[number];
export const STATUS_PAGE_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type StatusPageState = (typeof STATUS_PAGE_STATES)[number];

export interface Statement {
  id: string;
  incidentId: string | null;
  text: string;
  lang: string;
  source: StatementSource;
  author: string;
  publishedAt: Date;
  statusPageState: StatusPageState;
}

export interface IncidentAlert {
  incidentId: string;
  fingerprint: string;
  alertname: string;
  status: 'firing' | 'resolved';
  startsAt: string;
  updatedAt: Date;
}

export interface NotificationRecord {
  key: string;
  incidentId: string;
  purpose: string;
  channel: string;
  recipient: string;
  level: number | null;
  status: 'queued' | 'delivered' | 'failed';
  attempts: number;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}
