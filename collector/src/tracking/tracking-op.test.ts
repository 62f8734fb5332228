import type { VendEvent } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { OP_COUNTED, OP_PAID, OP_SYSTEM_FAILURE, OP_TOKEN, pairedDuration, toTrackingOp } from './tracking-op';

const NOW = Date.parse('2026-03-02T10:00:30Z');

function event(overrides: Partial<VendEvent>): VendEvent {
  return {
    version: 1,
    attemptId: 'RKL51ZDR4F',
    channel: 'mpesa_c2b',
    stage: 'payment_received',
    outcome: 'success',
    occurredAtMs: NOW - 1000,
    currency: 'KES',
    ...overrides,
  };
}

describe('tracking ops', () => {
  it('flags payments, tokens and system failures', () => {
    expect(toTrackingOp(event({}), NOW)[2]).toBe(OP_PAID | OP_COUNTED);
    expect(toTrackingOp(event({ stage: 'token_generation' }), NOW)[2]).toBe(OP_TOKEN | OP_COUNTED);
    const systemError = { domain: 'vending' as const, rawCode: 'SystemEx', code: 'VENDING_SYSTEM_ERROR', class: 'system' as const, retryable: true };
    expect(toTrackingOp(event({ stage: 'token_generation', outcome: 'failed', error: systemError }), NOW)[2]).toBe(
      OP_COUNTED | OP_SYSTEM_FAILURE,
    );
    const customerError = { ...systemError, class: 'customer' as const };
    expect(toTrackingOp(event({ outcome: 'rejected', error: customerError }), NOW)[2]).toBe(0);
  });

  it('gives each stage and outcome its own dedupe field', () => {
    const fields = new Set(
      (['success', 'failed', 'rejected', 'timeout'] as const).flatMap((outcome) =>
        (['payment_received', 'token_generation'] as const).map((stage) => toTrackingOp(event({ stage, outcome }), NOW)[1]),
      ),
    );
    expect(fields.size).toBe(8);
  });

  it('clamps future times and leaves the minute empty beyond a week', () => {
    const future = toTrackingOp(event({ occurredAtMs: NOW + 60_000 }), NOW);
    expect(future[3]).toBe(String(NOW));
    expect(future[5]).toBe(String(Math.floor(NOW / 60_000)));
    expect(toTrackingOp(event({ occurredAtMs: NOW - 9 * 86_400_000 }), NOW)[5]).toBe('');
  });

  it('reads payment→token pairs from either side', () => {
    const token = toTrackingOp(event({ stage: 'token_generation', occurredAtMs: NOW }), NOW);
    expect(pairedDuration(token, `${NOW - 42_000}|mpesa_stk`)).toEqual({ seconds: 42, channel: 'mpesa_stk' });
    const payment = toTrackingOp(event({ occurredAtMs: NOW - 42_000 }), NOW);
    expect(pairedDuration(payment, `${NOW}|mpesa_c2b`)).toEqual({ seconds: 42, channel: 'mpesa_c2b' });
    expect(pairedDuration(payment, 1)).toBeUndefined();
    expect(pairedDuration(payment, 0)).toBeUndefined();
  });
});
