import { type Logger, StimaError } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import type { AckLinks } from '../ack-link';
import type { AlertsMetrics } from '../metrics';
import type { EscalationPolicy, OnCallConfig, TeamRoute } from '../oncall/oncall-types';
import type { Delivery } from './delivery-port';
import type { IncidentTimers } from './incident-timers';

export interface EngineSettings {
  commsSilenceMs: number;
  reopenWindowMs: number;
  correlationWindowMs: number;
  publicBaseUrl: string;
}

/** Everything the incident engine's parts share; built once by the service factory. */
export interface EngineContext {
  db: SqlClient;
  onCall: OnCallConfig;
  delivery: Delivery;
  timers: IncidentTimers;
  ackLinks: AckLinks;
  metrics: AlertsMetrics;
  logger: Logger;
  clock: () => Date;
  newId: () => string;
  settings: EngineSettings;
}

/** The team an alert's `team` label names, falling back to the engineering on-call team for unknown labels. */
export function teamRoute(onCall: OnCallConfig, team: string): TeamRoute {
  const route = onCall.teams.get(team) ?? onCall.teams.get('oncall');
  if (route === undefined) throw new StimaError('CONFIG', 'the on-call file has no "oncall" team');
  return route;
}

export function policyFor(onCall: OnCallConfig, route: TeamRoute): EscalationPolicy {
  const policy = onCall.policies.get(route.policyId);
  if (policy === undefined)
    throw new StimaError('CONFIG', `the on-call file has no policy "${route.policyId}"`);
  return policy;
}

/** Seconds since the incident's current episode began (its reopening, or its opening). */
export function episodeSeconds(incident: { openedAt: Date; reopenedAt: Date | null }, now: Date): number {
  return Math.max(0, (now.getTime() - (incident.reopenedAt ?? incident.openedAt).getTime()) / 1000);
}
