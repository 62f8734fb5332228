export type {
  LiveSnapshot,
  Mention,
  MentionPage,
  MentionSummary,
  ProbeStatus,
  SummaryBucket,
  TopErrorCode,
} from '@stimawatch/core';
/**
 * The JSON the console reads from the alerts service (and, through its proxy, the collector). Dates arrive as
 * ISO strings. Kept here rather than imported: the dashboard imports no service code.
 */

export type Role = 'oncall' | 'comms' | 'viewer' | 'admin';

export interface ConsoleUser {
  username: string;
  name: string;
  role: Role;
}

export interface ConsolePermissions {
  acknowledge: boolean;
  resolve: boolean;
  publishStatement: boolean;
}

export interface SessionInfo {
  user: ConsoleUser | null;
  csrfToken: string;
  permissions: ConsolePermissions;
  settings: { commsSilenceMinutes: number; xPosting: boolean };
}

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

export interface Incident {
  id: string;
  ref: number;
  service: string;
  severity: 'page' | 'ticket';
  team: string;
  title: string;
  status: IncidentStatus;
  customerFacing: boolean;
  openedAt: string;
  reopenedAt: string | null;
  round: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  firstStatementAt: string | null;
  escalationLevel: number;
  escalatedAt: string | null;
}

export interface TimelineEntry {
  id: number;
  at: string;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface NotificationRecord {
  key: string;
  purpose: string;
  channel: string;
  recipient: string;
  level: number | null;
  status: 'queued' | 'delivered' | 'failed';
  attempts: number;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type StatusPageState = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export interface Statement {
  id: string;
  incidentId: string | null;
  text: string;
  lang: string;
  source?: string;
  author?: string;
  publishedAt: string;
  statusPageState: StatusPageState;
}

export interface IncidentAlert {
  fingerprint: string;
  alertname: string;
  status: 'firing' | 'resolved';
  startsAt: string;
}

export interface IncidentDetail {
  incident: Incident;
  alerts: IncidentAlert[];
  timeline: TimelineEntry[];
  notifications: NotificationRecord[];
  statements: Statement[];
}

export interface OnCallShift {
  rotation: string;
  person: { id: string; name: string };
  source: string;
  since: string | null;
  until: string | null;
}

export interface PublishResult {
  statement: Statement;
  silencedIncidents: number[];
  x?: { status: 'posted'; id: string } | { status: 'skipped' | 'failed'; reason: string };
}
