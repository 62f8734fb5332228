import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type VendEventInput, vendEventInputSchema } from '@stimawatch/core';
import { Hono } from 'hono';
import {
  c2bCallbackSchema,
  forwardedValidationSchema,
  stkCallbackSchema,
} from '../src/daraja/daraja-schemas';

export interface RecordedDaraja {
  route: 'c2b/validation' | 'c2b/confirmation' | 'stk/callback';
  body: unknown;
  at: number;
}
export interface RecordedEvent {
  event: VendEventInput;
  at: number;
}

/**
 * A stand-in collector speaking the HTTP contract: checks the bearer token and the callback secret, validates
 * every body against the schemas, records what arrived (stamped with the test's clock) and answers 503 to the
 * first few requests so retries happen over real HTTP.
 */
export async function startRecordingCollector(options: {
  token: string;
  secret: string;
  now: () => number;
  failFirst: number;
}) {
  const daraja: RecordedDaraja[] = [];
  const events: RecordedEvent[] = [];
  const rejected: string[] = [];
  let requests = 0;
  const app = new Hono();

  app.use('*', async (c, next) => {
    requests++;
    if (requests <= options.failFirst) return c.json({ error: 'UNAVAILABLE', message: 'warming up' }, 503);
    await next();
  });

  app.post('/v1/vend-events', async (c) => {
    if (c.req.header('authorization') !== `Bearer ${options.token}`)
      return c.json({ error: 'UNAUTHORIZED' }, 401);
    if (c.req.header('content-type') !== 'application/x-ndjson') return c.json({ error: 'UNSUPPORTED' }, 415);
    const lines = (await c.req.text()).split('\n').filter((line) => line.trim() !== '');
    for (const line of lines) {
      const parsed = vendEventInputSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        rejected.push(parsed.error.message);
        return c.json({ error: 'VALIDATION', message: parsed.error.message }, 400);
      }
    }
    for (const line of lines) events.push({ event: JSON.parse(line) as VendEventInput, at: options.now() });
    return c.json({ accepted: lines.length }, 202);
  });

  const schemas = {
    'c2b/validation': forwardedValidationSchema,
    'c2b/confirmation': c2bCallbackSchema,
    'stk/callback': stkCallbackSchema,
  } as const;
  for (const route of Object.keys(schemas) as (keyof typeof schemas)[]) {
    app.post(`/v1/mpesa/:secret/${route}`, async (c) => {
      if (c.req.param('secret') !== options.secret) return c.json({ error: 'NOT_FOUND' }, 404);
      const parsed = schemas[route].safeParse(await c.req.json());
      if (!parsed.success) {
        rejected.push(parsed.error.message);
        return c.json({ error: 'VALIDATION', message: parsed.error.message }, 400);
      }
      daraja.push({ route, body: parsed.data, at: options.now() });
      return c.json({ ResultCode: 0, ResultDesc: 'Success' });
    });
  }

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    daraja,
    events,
    rejected,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
