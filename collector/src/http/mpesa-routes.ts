import { StimaError, secretsEqual, type VendEvent } from '@stimawatch/core';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import {
  C2B_CONFIRMATION_ACK,
  C2B_VALIDATION_ACK,
  c2bCallbackSchema,
  c2bConfirmationEvent,
  c2bValidationEvent,
} from '../daraja/c2b-callback';
import { STK_CALLBACK_ACK, stkCallbackEvent, stkCallbackSchema } from '../daraja/stk-callback';
import type { IngestService } from '../ingest/ingest-service';
import { readLimitedBody } from '../ingest/read-limited-body';
import { type CollectorMetrics, DARAJA_SOURCE } from '../metrics/collector-metrics';
import { countRejection } from './http-errors';
import { incomingOf } from './node-incoming';

export interface MpesaRoutesDeps {
  callbackSecret: string;
  maxBodyBytes: number;
  ingest: IngestService;
  metrics: CollectorMetrics;
  now: () => number;
}

/** Daraja callbacks are small; a larger body is not one. */
const MAX_CALLBACK_BYTES = 64 * 1024;

/**
 * Daraja callbacks (or copies forwarded by the payment gateway) on a secret path segment, since Daraja
 * cannot send a token. Each answers with the acknowledgement body Daraja expects.
 */
export function registerMpesaRoutes(app: Hono, deps: MpesaRoutesDeps): void {
  const limit = Math.min(MAX_CALLBACK_BYTES, deps.maxBodyBytes);

  function route<S extends z.ZodType>(
    path: string,
    schema: S,
    toEvent: (callback: z.output<S>, receivedAtMs: number) => VendEvent,
    ack: object,
  ): void {
    app.post(`/v1/mpesa/:secret/${path}`, async (c: Context) => {
      if (!secretsEqual(c.req.param('secret') ?? '', deps.callbackSecret)) {
        deps.metrics.rejected('unauthorized');
        throw new StimaError('UNAUTHORIZED', 'unknown callback path');
      }
      let event: VendEvent;
      try {
        event = toEvent(await parseCallback(c, schema, limit), deps.now());
      } catch (error) {
        return countRejection(deps.metrics, error);
      }
      try {
        await deps.ingest.ingest([event], DARAJA_SOURCE);
      } catch (error) {
        return countRejection(deps.metrics, error);
      }
      return c.json(ack, 200);
    });
  }

  route('c2b/validation', c2bCallbackSchema, c2bValidationEvent, C2B_VALIDATION_ACK);
  route('c2b/confirmation', c2bCallbackSchema, c2bConfirmationEvent, C2B_CONFIRMATION_ACK);
  route('stk/callback', stkCallbackSchema, stkCallbackEvent, STK_CALLBACK_ACK);
}

async function parseCallback<S extends z.ZodType>(
  c: Context,
  schema: S,
  limit: number,
): Promise<z.output<S>> {
  const text = await readLimitedBody(c.req.raw, limit, incomingOf(c.env));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StimaError('VALIDATION', `malformed JSON: ${(error as Error).message}`, {
      reason: 'malformed_json',
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'body';
    throw new StimaError('VALIDATION', `not a Daraja callback: ${path}: ${issue?.message ?? 'invalid'}`, {
      reason: 'invalid_callback',
    });
  }
  return parsed.data;
}
