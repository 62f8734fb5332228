import { createHash, timingSafeEqual } from 'node:crypto';
import { errorBody, httpStatusFor, type Logger, StimaError } from '@stimawatch/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { TrafficGenerator } from '../generator/traffic-generator';
import { SCENARIO_NAMES } from '../scenario/scenario';

const durationMs = z
  .number()
  .int()
  .min(100)
  .max(24 * 3_600_000);

/** `POST /scenario` body: which scenario, optionally its phase lengths (scenario ms) and time compression. */
export const scenarioRequestSchema = z.strictObject({
  name: z.enum(SCENARIO_NAMES),
  timeScale: z.number().positive().max(10_000).optional(),
  durations: z
    .strictObject({
      validationFailingMs: durationMs.optional(),
      tokensStoppedMs: durationMs.optional(),
      recoveryMs: durationMs.optional(),
      drainMs: durationMs.optional(),
    })
    .optional(),
});

export interface ControlAppDeps {
  generator: Pick<TrafficGenerator, 'scenarioStatus' | 'setScenario' | 'stats'>;
  /** Bearer token required by `POST /scenario`. */
  token: string;
  logger: Logger;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function authorised(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * The simulator's control API (127.0.0.1 only): `GET /scenario` shows the running scenario and delivery
 * counters; `POST /scenario` (bearer token) switches it, e.g. `{"name":"outage"}` from `npm run demo:outage`.
 */
export function createControlApp(deps: ControlAppDeps): Hono {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/scenario', (c) => c.json({ ...deps.generator.scenarioStatus(), stats: deps.generator.stats() }));

  app.post('/scenario', async (c) => {
    if (!authorised(c.req.header('authorization'), deps.token)) {
      throw new StimaError(
        'UNAUTHORIZED',
        'POST /scenario needs Authorization: Bearer <SIMULATOR_INGEST_TOKEN>',
      );
    }
    const raw = await c.req.json().catch((cause: unknown) => {
      throw new StimaError('VALIDATION', 'body must be JSON', {}, cause);
    });
    const parsed = scenarioRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new StimaError('VALIDATION', 'invalid scenario request', {
        issues: z.treeifyError(parsed.error),
      });
    }
    const status = deps.generator.setScenario(parsed.data);
    deps.logger.info({ runId: status.runId, scenario: status.name }, 'scenario switched via control API');
    return c.json(status);
  });

  app.notFound((c) => c.json({ error: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.onError((error, c) => {
    if (error instanceof StimaError) {
      const details = error.code === 'VALIDATION' ? error.context.issues : undefined;
      return c.json(errorBody(error, details), httpStatusFor(error.code) as 400);
    }
    deps.logger.error({ err: error }, 'control API failure');
    return c.json({ error: 'INTERNAL', message: 'internal error' }, 500);
  });

  return app;
}
