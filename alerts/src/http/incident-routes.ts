import { StimaError } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiTokens } from '../api-tokens';
import type { IncidentEngine } from '../incidents/incident-engine';
import type { OnCallConfig } from '../oncall/oncall-types';
import { onCallNow } from '../oncall/who-is-on-call';
import { listIncidentAlerts } from '../store/alert-event-store';
import { getIncident, listIncidents } from '../store/incident-store';
import { listNotifications } from '../store/notification-store';
import { INCIDENT_STATUSES } from '../store/records';
import { listStatements } from '../store/statement-store';
import { listTimeline } from '../store/timeline-store';
import { ANY_ROLE, requireRole } from './auth';
import { validationError } from './error-handler';
import type { AlertsHttpEnv } from './http-env';

export interface IncidentRouteDeps {
  engine: IncidentEngine;
  db: SqlQueryable;
  onCall: OnCallConfig;
  apiTokens: ApiTokens;
  clock: () => Date;
}

const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((s) => s.trim()) : []))
    .pipe(z.array(z.enum(INCIDENT_STATUSES))),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export function incidentRoutes(deps: IncidentRouteDeps): Hono<AlertsHttpEnv> {
  const readers = requireRole(deps.apiTokens, ANY_ROLE);
  const responders = requireRole(deps.apiTokens, ['oncall', 'admin']);
  const found = async (idOrRef: string) => {
    const incident = await getIncident(deps.db, idOrRef);
    if (incident === undefined) throw new StimaError('NOT_FOUND', `no incident ${idOrRef}`);
    return incident;
  };

  return new Hono<AlertsHttpEnv>()
    .get('/v1/incidents', readers, async (c) => {
      const query = listQuery.safeParse(c.req.query());
      if (!query.success) throw validationError('invalid incident filter', query.error);
      const page = await listIncidents(deps.db, {
        statuses: query.data.status,
        limit: query.data.limit,
        ...(query.data.before !== undefined && { beforeRef: query.data.before }),
      });
      return c.json({ incidents: page.incidents, nextBefore: page.nextBeforeRef });
    })
    .get('/v1/incidents/:id', readers, async (c) => {
      const incident = await found(c.req.param('id'));
      const [alerts, timeline, notifications, statements] = await Promise.all([
        listIncidentAlerts(deps.db, incident.id),
        listTimeline(deps.db, incident.id),
        listNotifications(deps.db, incident.id),
        listStatements(deps.db, { limit: 50, incidentId: incident.id }),
      ]);
      return c.json({ incident, alerts, timeline, notifications, statements });
    })
    .post('/v1/incidents/:id/ack', responders, async (c) => {
      const result = await deps.engine.acknowledge(c.req.param('id'), c.get('principal').name, 'api');
      return c.json(result);
    })
    .post('/v1/incidents/:id/resolve', responders, async (c) => {
      const result = await deps.engine.resolve(c.req.param('id'), c.get('principal').name, 'api');
      return c.json(result);
    })
    .get('/v1/oncall', readers, (c) => {
      const at = deps.clock();
      const shifts = onCallNow(deps.onCall, at).map((shift) => ({
        rotation: shift.rotationId,
        person: { id: shift.personId, name: deps.onCall.people.get(shift.personId)?.name ?? shift.personId },
        source: shift.source,
        since: shift.since,
        until: shift.until,
      }));
      return c.json({ at, rotations: shifts });
    });
}
