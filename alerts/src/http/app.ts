import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Logger } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { AckLinks } from '../ack-link';
import type { ApiTokens } from '../api-tokens';
import type { IncidentEngine } from '../incidents/incident-engine';
import type { AlertsMetrics } from '../metrics';
import type { OnCallConfig } from '../oncall/oncall-types';
import { ackLinkRoutes } from './ack-link-routes';
import { handleError } from './error-handler';
import type { AlertsHttpEnv } from './http-env';
import { incidentRoutes } from './incident-routes';
import { opsRoutes, type ReadinessChecks } from './ops-routes';
import { smsInboundRoutes } from './sms-inbound-routes';
import { statementRoutes } from './statement-routes';
import { webhookRoutes } from './webhook-routes';

export interface AlertsAppDeps {
  engine: IncidentEngine;
  db: SqlQueryable;
  onCall: OnCallConfig;
  ackLinks: AckLinks;
  apiTokens: ApiTokens;
  registry: Registry;
  metrics: AlertsMetrics;
  logger: Logger;
  clock: () => Date;
  readiness: ReadinessChecks;
  alertmanagerWebhookToken: string | undefined;
  smsInboundSecret: string | undefined;
  /** The built console (`dashboard/dist`); served at `/` with a single-page-app fallback when it exists. */
  dashboardDir?: string | undefined;
}

export function createAlertsApp(deps: AlertsAppDeps): Hono<AlertsHttpEnv> {
  const app = new Hono<AlertsHttpEnv>();
  app.onError(handleError(deps.logger));
  app.route('/', opsRoutes({ registry: deps.registry, checks: deps.readiness, logger: deps.logger }));
  app.route(
    '/',
    webhookRoutes({
      engine: deps.engine,
      metrics: deps.metrics,
      logger: deps.logger,
      webhookToken: deps.alertmanagerWebhookToken,
    }),
  );
  app.route('/', incidentRoutes(deps));
  app.route('/', ackLinkRoutes(deps));
  app.route('/', smsInboundRoutes({ ...deps, secret: deps.smsInboundSecret }));
  app.route('/', statementRoutes(deps));
  app.all('/v1/*', (c) =>
    c.json({ error: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` }, 404),
  );
  if (deps.dashboardDir !== undefined && existsSync(deps.dashboardDir)) {
    app.use('/*', serveStatic({ root: deps.dashboardDir }));
    app.get('/*', serveStatic({ root: deps.dashboardDir, path: 'index.html' }));
  }
  return app;
}
