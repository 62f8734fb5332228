import { toVendEvent, vendEventInputSchema } from '@stimawatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastVendEvent } from './fast-vend-event';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** Mostly valid values, sometimes one at or just past a bound, sometimes the wrong type. */
const field = <T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: edge });

const nearlyEvents = fc.record(
  {
    version: field(fc.constant(1), fc.constantFrom(2, '1', null)),
    attemptId: field(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom(' A1 ', '', '  ', 'x'.repeat(128), ` ${'x'.repeat(128)} `, 'x'.repeat(129), 7),
    ),
    channel: field(
      fc.constantFrom(...['mpesa_c2b', 'mpesa_stk', 'airtel_money', 'bank', 'ussd', 'app', 'agent']),
      fc.constantFrom('cash', 'APP', null),
    ),
    stage: field(
      fc.constantFrom(
        'payment_initiated',
        'payment_validation',
        'payment_received',
        'meter_lookup',
        'token_generation',
        'token_delivery_sms',
      ),
      fc.constantFrom('x', 'Payment_received'),
    ),
    outcome: field(
      fc.constantFrom('success', 'rejected', 'failed', 'timeout'),
      fc.constantFrom('pending', 'SUCCESS'),
    ),
    occurredAt: field(
      fc.oneof(
        fc.integer({ min: 1, max: 2 ** 53 - 1 }),
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
        fc.constantFrom('2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00.123456Z'),
      ),
      fc.oneof(
        fc.constantFrom(
          0,
          -1,
          1.5,
          2 ** 53,
          2 ** 53 + 2,
          '2026-03-02 10:00:00',
          '2026-02-30T10:00:00Z',
          '2026-03-02T10:00Z',
          '2026-03-02T10:00:00+24:00',
          '',
        ),
        fc.string(),
      ),
    ),
    amountMinor: field(
      fc.integer({ min: 0, max: 1e12 }),
      fc.constantFrom(-1, 0.5, 1e12, 1e12 + 1, 2 ** 53, '100'),
    ),
    currency: field(fc.constantFrom('KES', 'USD'), fc.constantFrom('KE', 'KESH', 3, null)),
    latencyMs: field(
      fc.double({ min: 0, max: 86_400_000, noNaN: true }),
      fc.constantFrom(-0.001, 86_400_000, 86_400_000.5, 86_400_001, '5', null),
    ),
    error: field(
      fc.record(
        {
          domain: fc.constantFrom('mpesa_c2b', 'mpesa_stk', 'daraja_api', 'vending', 'sms', 'other'),
          rawCode: field(
            fc.constantFrom('C2B00012', ' 1032 ', 'HSM_UNAVAILABLE', 1037),
            fc.constantFrom('', '   ', 'x'.repeat(64), 'x'.repeat(65), 1.5, null),
          ),
          code: field(fc.string({ maxLength: 64 }), fc.constantFrom('x'.repeat(65), 3)),
          class: field(fc.constantFrom('customer', 'system'), fc.constant('other')),
          retryable: field(fc.boolean(), fc.constant('yes')),
          message: field(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(501))),
        },
        { requiredKeys: ['domain', 'rawCode'] },
      ),
      fc.constantFrom(null, 'boom', 42, [], { domain: 'bank', rawCode: '1' }, { rawCode: '1' }),
    ),
    meterNumber: field(fc.string({ maxLength: 32 }), fc.constantFrom('x'.repeat(33), 14252321790)),
    extra: fc.anything(),
  },
  { requiredKeys: ['attemptId', 'channel', 'stage', 'outcome'] },
);

describe('fastVendEvent', () => {
  it('agrees exactly with the zod schema: same event when it answers, and it never accepts what zod refuses', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyEvents, fc.anything()), (value) => {
        const fast = fastVendEvent(value, NOW);
        const parsed = vendEventInputSchema.safeParse(value);
        if (!parsed.success) {
          expect(fast).toBeUndefined();
          return;
        }
        if (fast !== undefined) expect(fast).toStrictEqual(toVendEvent(parsed.data, NOW));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers the shapes producers send (so the fast path is actually taken)', () => {
    const event = {
      attemptId: 'RKL51ZDR4F',
      channel: 'mpesa_c2b',
      stage: 'token_generation',
      outcome: 'failed',
      occurredAt: '2026-03-02T10:00:00+03:00',
      latencyMs: 120.5,
      amountMinor: 100_000,
      meterNumber: '14252321790',
      error: { domain: 'vending', rawCode: 'LatestKRNEx', message: 'KRN expired' },
      source: 'vend-api',
    };
    expect(fastVendEvent(event, NOW)).toStrictEqual(toVendEvent(vendEventInputSchema.parse(event), NOW));
    expect(
      fastVendEvent({ ...event, occurredAt: 1_772_434_800_000, error: undefined, outcome: 'success' }, NOW),
    ).toBeDefined();
  });
});
