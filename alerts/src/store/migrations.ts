import { type Migration, migrate, type SqlClient } from '@stimawatch/core/db';

/** The alerts service's schema; frozen once released: add new migrations, never edit old ones. */
export const ALERTS_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_incidents',
    sql: `
CREATE TABLE incidents (
  id text PRIMARY KEY,
  ref bigserial NOT NULL UNIQUE,
  group_key text NOT NULL,
  service text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('page', 'ticket')),
  team text NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  customer_facing boolean NOT NULL,
  opened_at timestamptz NOT NULL,
  reopened_at timestamptz,
  round integer NOT NULL DEFAULT 1,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  resolved_by text,
  first_statement_at timestamptz,
  escalation_level integer NOT NULL DEFAULT 0,
  escalation_repeat integer NOT NULL DEFAULT 0,
  escalated_at timestamptz
);
CREATE INDEX incidents_group ON incidents (group_key, service, opened_at DESC);
CREATE INDEX incidents_status ON incidents (status);

CREATE TABLE incident_alerts (
  incident_id text NOT NULL REFERENCES incidents (id),
  fingerprint text NOT NULL,
  alertname text NOT NULL,
  status text NOT NULL CHECK (status IN ('firing', 'resolved')),
  starts_at text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, fingerprint)
);

CREATE TABLE alert_events (
  id bigserial PRIMARY KEY,
  fingerprint text NOT NULL,
  starts_at text NOT NULL,
  status text NOT NULL CHECK (status IN ('firing', 'resolved')),
  group_key text NOT NULL,
  received_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  processed_at timestamptz,
  incident_id text REFERENCES incidents (id),
  UNIQUE (fingerprint, starts_at, status)
);
CREATE INDEX alert_events_unprocessed ON alert_events (id) WHERE processed_at IS NULL;

CREATE TABLE alert_heartbeats (
  alertname text PRIMARY KEY,
  last_seen_at timestamptz NOT NULL
);

CREATE TABLE timeline_entries (
  id bigserial PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents (id),
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('triggered', 'notified', 'notification_failed', 'escalated', 'acknowledged',
    'statement_published', 'resolved', 'reopened', 'comms_nudged')),
  actor text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_entries_incident ON timeline_entries (incident_id, at);

CREATE TABLE statements (
  id text PRIMARY KEY,
  incident_id text REFERENCES incidents (id),
  text text NOT NULL,
  lang text NOT NULL,
  source text NOT NULL CHECK (source IN ('console', 'official_account', 'api')),
  author text NOT NULL,
  published_at timestamptz NOT NULL,
  status_page_state text NOT NULL CHECK (status_page_state IN ('investigating', 'identified', 'monitoring', 'resolved'))
);
CREATE INDEX statements_published ON statements (published_at DESC);

CREATE TABLE notifications (
  key text PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents (id),
  purpose text NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  level integer,
  status text NOT NULL CHECK (status IN ('queued', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX notifications_incident ON notifications (incident_id, created_at);

CREATE TABLE outbox_actions (
  id bigserial PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents (id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_actions_pending ON outbox_actions (id) WHERE done_at IS NULL`,
  },
];

export function migrateAlertsStore(db: SqlClient): Promise<string[]> {
  return migrate(db, 'alerts', ALERTS_MIGRATIONS);
}
