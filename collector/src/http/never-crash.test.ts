import { StimaError } from '@stimawatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SECRET, createInMemoryApp, vendRequest } from '../../test/helpers/in-memory-app';
import { c2bCallbackSchema, c2bConfirmationEvent, c2bValidationEvent } from '../daraja/c2b-callback';
import { c2bConfirmationV2, stkCancelled, stkSuccess } from '../daraja/daraja-fixtures';
import { stkCallbackEvent, stkCallbackSchema } from '../daraja/stk-callback';
import { parseEventBatch } from '../ingest/parse-event-batch';
import { validateVendEvent } from '../ingest/validate-vend-event';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** Values shaped like vend events, with any field possibly wrong. */
const eventLike = fc.record(
  {
    attemptId: fc.oneof(fc.string({ maxLength: 140 }), fc.integer(), fc.constant('A1')),
    channel: fc.oneof(fc.constantFrom('mpesa_c2b', 'mpesa_stk', 'app', 'cash'), fc.anything()),
    stage: fc.oneof(fc.constantFrom('payment_received', 'token_generation', 'meter_lookup'), fc.string()),
    outcome: fc.oneof(fc.constantFrom('success', 'failed', 'timeout', 'rejected'), fc.anything()),
    occurredAt: fc.oneof(fc.integer(), fc.string(), fc.constant('2026-03-02T10:00:00+03:00')),
    latencyMs: fc.oneof(fc.double(), fc.integer()),
    amountMinor: fc.oneof(fc.integer(), fc.double()),
    error: fc.oneof(
      fc.record({
        domain: fc.constantFrom('vending', 'mpesa_stk', 'x'),
        rawCode: fc.oneof(fc.string(), fc.integer()),
      }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

/** Mutations of real Daraja bodies: fields replaced by anything, including missing ones. */
const darajaLike = fc.oneof(
  fc
    .record({
      TransID: fc.oneof(fc.string(), fc.anything()),
      TransTime: fc.oneof(fc.string(), fc.integer(), fc.anything()),
      TransAmount: fc.oneof(fc.string(), fc.double(), fc.anything()),
      ResultCode: fc.oneof(fc.string(), fc.integer(), fc.anything()),
    })
    .map((overrides) => ({ ...c2bConfirmationV2, ...overrides })),
  fc
    .record({
      ResultCode: fc.oneof(fc.string(), fc.integer(), fc.anything()),
      CheckoutRequestID: fc.oneof(fc.string(), fc.anything()),
      CallbackMetadata: fc.anything(),
    })
    .map((overrides) => ({ Body: { stkCallback: { ...stkSuccess.Body.stkCallback, ...overrides } } })),
  fc.anything(),
);

describe('no input crashes the parsers', () => {
  it('parseEventBatch only ever throws StimaError, and every line is an item or a rejection', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.json()).map((lines) => lines.join('\n')),
        ),
        fc.boolean(),
        (text, ndjson) => {
          try {
            const visited: number[] = [];
            const batch = parseEventBatch(
              text,
              ndjson ? 'application/x-ndjson' : undefined,
              10_000,
              (_, line) => visited.push(line),
            );
            const lines = [...visited, ...batch.rejected.map((rejection) => rejection.line)];
            for (const line of lines) expect(line).toBeGreaterThanOrEqual(1);
            if (batch.format === 'ndjson') {
              const nonBlank = text.split('\n').filter((line) => line.trim() !== '').length;
              expect(lines).toHaveLength(nonBlank);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(StimaError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('validateVendEvent never throws', () => {
    fc.assert(
      fc.property(fc.oneof(eventLike, fc.anything()), (value) => {
        const result = validateVendEvent(value, NOW);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        else expect(Number.isFinite(result.event.occurredAtMs)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the Daraja adapters never throw past their schemas', () => {
    fc.assert(
      fc.property(darajaLike, (body) => {
        const c2b = c2bCallbackSchema.safeParse(body);
        if (c2b.success) {
          expect(c2bValidationEvent(c2b.data, NOW).stage).toBe('payment_validation');
          expect(c2bConfirmationEvent(c2b.data, NOW).outcome).toBe('success');
        }
        const stk = stkCallbackSchema.safeParse(body);
        if (stk.success) expect(stkCallbackEvent(stk.data, NOW).stage).toBe('payment_received');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('no request crashes the app', () => {
  it('vend-events answers 202/400/413 and conserves every array element', async () => {
    const { app } = createInMemoryApp({ maxBatchEvents: 50 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(eventLike, fc.anything()), { minLength: 1, maxLength: 60 }),
        async (values) => {
          const response = await app.request('/v1/vend-events', vendRequest(JSON.stringify(values)));
          expect([202, 400, 413]).toContain(response.status);
          const body = (await response.json()) as Record<string, unknown>;
          if (response.status === 202) {
            const rejected = body.rejected as unknown[];
            expect((body.accepted as number) + (body.duplicates as number) + rejected.length).toBe(
              values.length,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('vend-events answers every raw body with a 2xx or 4xx JSON answer', async () => {
    const { app } = createInMemoryApp({ maxBodyBytes: 4096 });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 6000 }),
        fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain'),
        async (body, type) => {
          const response = await app.request('/v1/vend-events', vendRequest(body, { 'content-type': type }));
          expect([202, 400, 413]).toContain(response.status);
          expect(await response.json()).toBeTypeOf('object');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Daraja endpoints answer 200 or 400, never 500', async () => {
    const { app } = createInMemoryApp();
    const paths = ['c2b/validation', 'c2b/confirmation', 'stk/callback'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(darajaLike, fc.constant(stkCancelled)),
        fc.constantFrom(...paths),
        async (body, path) => {
          const text = JSON.stringify(body) ?? 'undefined';
          const response = await app.request(`/v1/mpesa/${CALLBACK_SECRET}/${path}`, {
            method: 'POST',
            body: text,
          });
          expect([200, 400]).toContain(response.status);
        },
      ),
      { numRuns: 300 },
    );
  });
});
