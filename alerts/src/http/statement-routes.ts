import type { SqlQueryable } from '@stimawatch/core/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ApiTokens } from '../api-tokens';
import type { IncidentEngine } from '../incidents/incident-engine';
import { statusPage } from '../incidents/status-page';
import { STATEMENT_SOURCES, STATUS_PAGE_STATES } from '../store/records';
import { listStatements } from '../store/statement-store';
import { requireRole } from './auth';
import { validationError } from './error-handler';
import type { AlertsHttpEnv } from './http-env';
import { rateLimit } from './rate-limit';

export interface StatementRouteDeps {
  engine: IncidentEngine;
  db: SqlQueryable;
  apiTokens: ApiTokens;
  clock: () => Date;
}

const statementBody = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  lang: z
    .string()
    .regex(/^[a-z]{2,8}$/, 'must be a language code such as en or sw')
    .default('en'),
  incidentId: z.string().min(1).max(64).optional(),
  state: z.enum(STATUS_PAGE_STATES).default('investigating'),
  source: z.enum(STATEMENT_SOURCES).default('api'),
});

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** Statements (write: comms/admin, including the collector's official-account watcher) and the public status page. */
export function statementRoutes(deps: StatementRouteDeps): Hono<AlertsHttpEnv> {
  const publicLimit = rateLimit({ max: 120, windowMs: 60_000 });
  return new Hono<AlertsHttpEnv>()
    .post(
      '/v1/statements',
      requireRole(deps.apiTokens, ['comms', 'admin']),
      bodyLimit({ maxSize: 64 * 1024 }),
      async (c) => {
        const parsed = statementBody.safeParse(await c.req.json().catch(() => undefined));
        if (!parsed.success) throw validationError('invalid statement', parsed.error);
        const { incidentId, ...rest } = parsed.data;
        const result = await deps.engine.publishStatement({
          ...rest,
          ...(incidentId !== undefined && { incidentId }),
          author: c.get('principal').name,
        });
        return c.json(
          { statement: result.statement, silencedIncidents: result.silenced.map((incident) => incident.ref) },
          201,
        );
      },
    )
    .get('/v1/statements', publicLimit, async (c) => {
      const query = listQuery.safeParse(c.req.query());
      if (!query.success) throw validationError('invalid query', query.error);
      const statements = await listStatements(deps.db, { limit: query.data.limit });
      return c.json({ statements: statements.map(({ author: _author, ...statement }) => statement) });
    })
    .get('/v1/status', publicLimit, async (c) => {
      c.header('Cache-Control', 'public, max-age=15');
      return c.json(await statusPage(deps.db, deps.clock()));
    });
}
