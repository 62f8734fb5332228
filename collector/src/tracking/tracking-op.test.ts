import type { VendEvent } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { groupByAttempt, inOpOrder, shardOf } from './script-chunk';
import { ATTEMPT_SHARDS, PAID_LETTER, TOKEN_LETTER } from './track-attempts-script';
import {
  OP_COUNTED,
  OP_IN_MINUTE,
  OP_PAID,
  OP_SYSTEM_FAILURE,
  OP_TOKEN,
  opBits,
  opLetter,
  pairedDuration,
  type TrackingOp,
  toTrackingOp,
} from './tracking-op';

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

const systemError = {
  domain: 'vending' as const,
  rawCode: 'SystemEx',
  code: 'VENDING_SYSTEM_ERROR',
  class: 'system' as const,
  retryable: true,
};

describe('tracking ops', () => {
  it('flags payments, tokens and system failures', () => {
    expect(opBits(toTrackingOp(event({}), NOW))).toBe(OP_PAID | OP_COUNTED | OP_IN_MINUTE);
    expect(opBits(toTrackingOp(event({ stage: 'token_generation' }), NOW))).toBe(
      OP_TOKEN | OP_COUNTED | OP_IN_MINUTE,
    );
    const failed = event({ stage: 'token_generation', outcome: 'failed', error: systemError });
    expect(opBits(toTrackingOp(failed, NOW))).toBe(OP_COUNTED | OP_SYSTEM_FAILURE | OP_IN_MINUTE);
    const rejected = event({ outcome: 'rejected', error: { ...systemError, class: 'customer' } });
    expect(opBits(toTrackingOp(rejected, NOW))).toBe(OP_IN_MINUTE);
  });

  it('gives each stage and outcome its own index', () => {
    const indexes = new Set(
      (['success', 'failed', 'rejected', 'timeout'] as const).flatMap((outcome) =>
        (['payment_received', 'token_generation'] as const).map(
          (stage) => toTrackingOp(event({ stage, outcome }), NOW)[1] % 32,
        ),
      ),
    );
    expect(indexes.size).toBe(8);
  });

  it('uses the letters the tracking script knows for payments and tokens', () => {
    expect(opLetter(toTrackingOp(event({}), NOW))).toBe(PAID_LETTER);
    expect(opLetter(toTrackingOp(event({ stage: 'token_generation' }), NOW))).toBe(TOKEN_LETTER);
  });

  it('clamps future times and leaves events older than a week out of the minute counts', () => {
    expect(toTrackingOp(event({ occurredAtMs: NOW + 60_000 }), NOW)[2]).toBe(NOW);
    expect(opBits(toTrackingOp(event({ occurredAtMs: NOW - 9 * 86_400_000 }), NOW)) & OP_IN_MINUTE).toBe(0);
  });

  it('reads payment→token pairs from either side', () => {
    const token = toTrackingOp(event({ stage: 'token_generation', occurredAtMs: NOW }), NOW);
    expect(pairedDuration(token, `${NOW - 42_000}|mpesa_stk`)).toEqual({ seconds: 42, channel: 'mpesa_stk' });
    const payment = toTrackingOp(event({ occurredAtMs: NOW - 42_000 }), NOW);
    expect(pairedDuration(payment, `${NOW}|mpesa_c2b`)).toEqual({ seconds: 42, channel: 'mpesa_c2b' });
    expect(pairedDuration(payment, 1)).toBeUndefined();
    expect(pairedDuration(payment, 'garbage')).toBeUndefined();
  });
});

describe('script chunks', () => {
  it('groups ops by attempt, carries the payment channel, and restores reply order', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'A', stage: 'meter_lookup', channel: 'app' }), NOW),
      toTrackingOp(event({ attemptId: 'B' }), NOW),
      toTrackingOp(event({ attemptId: 'A', channel: 'mpesa_stk' }), NOW),
    ];
    const chunk = groupByAttempt(ops, 0, 3);
    const rows = JSON.parse(chunk.json) as unknown[][];
    expect(rows).toEqual([
      ['A', shardOf('A'), 'mpesa_stk', `${opLetter(ops[0] as TrackingOp)}${PAID_LETTER}`, NOW - 1000, 0],
      ['B', shardOf('B'), 'mpesa_c2b', PAID_LETTER, NOW - 1000, 0],
    ]);
    expect(chunk.order).toEqual([0, 2, 1]);
    expect(inOpOrder(chunk, ['a0', 'a2', 'b1'])).toEqual(['a0', 'b1', 'a2']);
  });

  it('spreads attempts over every shard', () => {
    const shards = new Set(Array.from({ length: 500 }, (_, i) => shardOf(`RKL${i}ZDR4F`)));
    expect(shards.size).toBe(ATTEMPT_SHARDS);
  });
});
