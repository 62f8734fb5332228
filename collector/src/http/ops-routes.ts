import type { Hono } from 'hono';
import type { Registry } from 'prom-client';

export interface Readiness {
  isReady(): boolean;
  readonly backlogSize: number;
}

/** `GET /healthz` (the process runs), `GET /readyz` (Redis answers), `GET /metrics` (Prometheus text). */
export function registerOpsRoutes(app: Hono, deps: { registry: Registry; readiness: Readiness }): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const backlog = deps.readiness.backlogSize;
    return deps.readiness.isReady()
      ? c.json({ status: 'ready', redis: 'up', backlog })
      : c.json({ status: 'not_ready', redis: 'unreachable', backlog }, 503);
  });
  app.get('/metrics', async (c) => {
    const body = await deps.registry.metrics();
    return c.body(body, 200, { 'Content-Type': deps.registry.contentType });
  });
}
