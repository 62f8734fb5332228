import { describe, expect, it } from 'vitest';
import { toVendEvent, vendEventInputSchema } from './vend-event';

const base = { attemptId: 'RKL51ZDR4F', channel: 'mpesa_c2b', stage: 'payment_received', outcome: 'success' };

describe('vend event schema', () => {
  it('fills the version and currency, ignores unknown fields', () => {
    const parsed = vendEventInputSchema.parse({ ...base, somethingElse: 1 });
    expect(parsed).toMatchObject({ version: 1, currency: 'KES' });
    expect(parsed).not.toHaveProperty('somethingElse');
  });

  it('rejects a stage or channel outside the contract', () => {
    expect(vendEventInputSchema.safeParse({ ...base, stage: 'payment' }).success).toBe(false);
    expect(vendEventInputSchema.safeParse({ ...base, channel: 'cash' }).success).toBe(false);
  });

  it('normalises the error through the table, overriding producer hints', () => {
    const input = vendEventInputSchema.parse({
      ...base,
      outcome: 'failed',
      error: { domain: 'mpesa_stk', rawCode: 1032, code: 'SOMETHING', class: 'system' },
    });
    expect(toVendEvent(input, 0).error).toEqual({
      domain: 'mpesa_stk',
      rawCode: '1032',
      code: 'CANCELLED_BY_USER',
      class: 'customer',
      retryable: false,
    });
  });

  it('gives a failure without an error the UNKNOWN system code', () => {
    const event = toVendEvent(vendEventInputSchema.parse({ ...base, outcome: 'timeout' }), 5);
    expect(event.error).toMatchObject({ code: 'UNKNOWN', class: 'system' });
    expect(event.occurredAtMs).toBe(5);
  });

  it('reads occurredAt as ISO with a zone or as epoch milliseconds', () => {
    const iso = toVendEvent(
      vendEventInputSchema.parse({ ...base, occurredAt: '2026-01-01T03:00:00+03:00' }),
      0,
    );
    expect(iso.occurredAtMs).toBe(Date.UTC(2026, 0, 1));
    const epoch = toVendEvent(vendEventInputSchema.parse({ ...base, occurredAt: 1_700_000_000_000 }), 0);
    expect(epoch.occurredAtMs).toBe(1_700_000_000_000);
  });
});
