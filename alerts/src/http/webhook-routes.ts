import {
  alertmanagerPayloadSchema,
  bearerToken,
  type Logger,
  StimaError,
  secretsEqual,
} from '@stimawatch/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IncidentEngine } from '../incidents/incident-engine';
import type { AlertsMetrics } from '../metrics';
import { issuesOf } from './error-handler';
import type { AlertsHttpEnv } from './http-env';

const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

export interface WebhookDeps {
  engine: IncidentEngine;
  metrics: AlertsMetrics;
  logger: Logger;
  /** When set, Alertmanager must send it as a bearer token (`http_config.authorization`). */
  webhookToken: string | undefined;
}

/**
 * `POST /v1/alertmanager`: 200 once the alerts are recorded and their pages and timers are queued; 400 for a
 * body that is not a webhook v4 notification (final: Alertmanager does not retry 4xx); 503 when anything could
 * not be made durable, so Alertmanager retries (duplicates are ignored).
 */
export function webhookRoutes(deps: WebhookDeps): Hono<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'alertmanager-webhook' });
  const reject = (reason: Parameters<AlertsMetrics['webhookRejected']>[0], error: StimaError): never => {
    deps.metrics.webhookRejected(reason);
    log.warn({ reason, details: error.context }, error.message);
    throw error;
  };
  return new Hono<AlertsHttpEnv>().post(
    '/v1/alertmanager',
    async (c, next) => {
      if (deps.webhookToken !== undefined) {
        const token = bearerToken(c.req.header('authorization'));
        if (token === undefined || !secretsEqual(token, deps.webhookToken)) {
          reject(
            'unauthorized',
            new StimaError('UNAUTHORIZED', 'the webhook needs the configured bearer token'),
          );
        }
      }
      await next();
    },
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () =>
        reject(
          'too_large',
          new StimaError('PAYLOAD_TOO_LARGE', `webhook body over ${MAX_WEBHOOK_BYTES} bytes`),
        ),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return reject('invalid_json', new StimaError('VALIDATION', 'the body is not JSON'));
      }
      const parsed = alertmanagerPayloadSchema.safeParse(body);
      if (!parsed.success) {
        return reject(
          'invalid_payload',
          new StimaError('VALIDATION', 'the body is not an Alertmanager webhook v4 notification', {
            issues: issuesOf(parsed.error),
          }),
        );
      }
      const result = await deps.engine.ingest(parsed.data);
      log.debug({ groupKey: parsed.data.groupKey, ...result }, 'notification recorded');
      return c.json({ status: 'recorded', alerts: result.inserted, duplicates: result.duplicates });
    },
  );
}
