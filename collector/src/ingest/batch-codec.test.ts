import { CHANNELS, ERROR_CLASSES, ERROR_DOMAINS, OUTCOMES, STAGES, type VendEvent } from '@stimawatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, transferables } from './batch-codec';

/** Any event the validator can produce, optional fields present or absent. */
const events: fc.Arbitrary<VendEvent> = fc
  .record(
    {
      attemptId: fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme' }),
      channel: fc.constantFrom(...CHANNELS),
      stage: fc.constantFrom(...STAGES),
      outcome: fc.constantFrom(...OUTCOMES),
      occurredAtMs: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      currency: fc.constantFrom('KES', 'USD', 'UGX'),
      amountMinor: fc.integer({ min: 0, max: 1e12 }),
      latencyMs: fc.oneof(fc.double({ min: 0, max: 86_400_000, noNaN: true }), fc.constant(-0)),
      error: fc.record({
        domain: fc.constantFrom(...ERROR_DOMAINS),
        rawCode: fc.string({ minLength: 1, maxLength: 64 }),
        code: fc.string({ minLength: 1, maxLength: 64 }),
        class: fc.constantFrom(...ERROR_CLASSES),
        retryable: fc.boolean(),
      }),
    },
    { requiredKeys: ['attemptId', 'channel', 'stage', 'outcome', 'occurredAtMs', 'currency'] },
  )
  .map((fields) => ({ version: 1 as const, ...fields }));

const rejections = fc.array(
  fc.record({
    line: fc.nat(),
    reason: fc.constantFrom('malformed_json' as const, 'invalid_event' as const),
    message: fc.string(),
  }),
  { maxLength: 3 },
);

describe('the parse worker batch encoding', () => {
  it('decodes to exactly the events and rejections it encoded', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 60 }), rejections, (batchEvents, rejected) => {
        const decoded = decodeBatch(encodeBatch({ events: batchEvents, rejected }));
        expect(decoded.events).toStrictEqual(batchEvents);
        expect(decoded.rejected).toStrictEqual(rejected);
        for (const [index, event] of decoded.events.entries()) {
          expect(Object.is(event.latencyMs, batchEvents[index]?.latencyMs)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps the per-event columns in buffers that can be transferred', () => {
    const event: VendEvent = {
      version: 1,
      attemptId: 'RKL51ZDR4F',
      channel: 'mpesa_c2b',
      stage: 'payment_received',
      outcome: 'success',
      occurredAtMs: 1_772_434_800_000,
      currency: 'KES',
      amountMinor: 100_000,
    };
    const encoded = encodeBatch({ events: [event, { ...event, attemptId: 'X2' }], rejected: [] });
    expect(encoded.ids).toBe('RKL51ZDR4FX2');
    expect(transferables(encoded)).toEqual([
      encoded.idEnds.buffer,
      encoded.labels.buffer,
      encoded.numbers.buffer,
    ]);
  });
});
