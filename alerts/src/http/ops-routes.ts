import type { Logger } from '@stimawatch/core';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { AlertsHttpEnv } from './http-env';

export type ReadinessChecks = Record<string, () => Promise<unknown>>;

/** `/metrics`, `/healthz` (the process answers) and `/readyz` (database and Redis answer). */
export function opsRoutes(deps: {
  registry: Registry;
  checks: ReadinessChecks;
  logger: Logger;
}): Hono<AlertsHttpEnv> {
  return new Hono<AlertsHttpEnv>()
    .get('/metrics', async (c) => {
      const body = await deps.registry.metrics();
      return c.body(body, 200, { 'Content-Type': deps.registry.contentType });
    })
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const results = await Promise.all(
        Object.entries(deps.checks).map(async ([name, check]) => {
          try {
            await check();
            return [name, 'ok'] as const;
          } catch (error) {
            deps.logger.warn({ err: error, check: name }, 'readiness check failed');
            return [name, 'failed'] as const;
          }
        }),
      );
      const ready = results.every(([, state]) => state === 'ok');
      return c.json(
        { status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) },
        ready ? 200 : 503,
      );
    });
}
