import type { VendEvent } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { groupByAttempt, repliesInOpOrder, shardOf } from './script-chunk';
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
  parsePairReply,
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
    expect(pairedDuration(token, parsePairReply(`${NOW - 42_000}|mpesa_stk`))).toEqual({
      seconds: 42,
      channel: 'mpesa_stk',
    });
    const payment = toTrackingOp(event({ occurredAtMs: NOW - 42_000 }), NOW);
    expect(pairedDuration(payment, parsePairReply(`${NOW}|mpesa_c2b`))).toEqual({
      seconds: 42,
      channel: 'mpesa_c2b',
    });
    expect(pairedDuration(payment, 1)).toBeUndefined();
    expect(parsePairReply('garbage')).toBe(1);
  });
});

describe('script chunks', () => {
  it('groups ops by attempt, carries the first payment and token, and lists each letter once', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'A', stage: 'meter_lookup', channel: 'app' }), NOW),
      toTrackingOp(event({ attemptId: 'B' }), NOW),
      toTrackingOp(event({ attemptId: 'A', channel: 'mpesa_stk' }), NOW),
      toTrackingOp(event({ attemptId: 'A', channel: 'mpesa_c2b', occurredAtMs: NOW - 500 }), NOW),
      toTrackingOp(event({ attemptId: 'B', stage: 'token_generation', occurredAtMs: NOW }), NOW),
    ];
    const lookup = opLetter(ops[0] as TrackingOp);
    const chunk = groupByAttempt(ops, 0, ops.length);
    expect(JSON.parse(chunk.json)).toEqual([
      [
        'A',
        shardOf('A'),
        `${lookup}${PAID_LETTER}${PAID_LETTER}`,
        `${lookup}${PAID_LETTER}`,
        `${NOW - 1000}`,
        'mpesa_stk',
        '',
      ],
      [
        'B',
        shardOf('B'),
        `${PAID_LETTER}${TOKEN_LETTER}`,
        `${PAID_LETTER}${TOKEN_LETTER}`,
        `${NOW - 1000}`,
        'mpesa_c2b',
        `${NOW}`,
      ],
    ]);
  });

  it('answers first-seen attempts itself and takes the script at its word for known ones', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'A', stage: 'token_generation', occurredAtMs: NOW }), NOW),
      toTrackingOp(event({ attemptId: 'K' }), NOW),
      toTrackingOp(event({ attemptId: 'A' }), NOW),
      toTrackingOp(event({ attemptId: 'A', stage: 'token_generation', occurredAtMs: NOW }), NOW),
      toTrackingOp(event({ attemptId: 'K', stage: 'token_generation', occurredAtMs: NOW }), NOW),
    ];
    const chunk = groupByAttempt(ops, 0, ops.length);
    // Group 2 (K) was already recorded: its payment is a replay, its token pairs with the stored payment.
    const replies = repliesInOpOrder(chunk, [2, [0, `${NOW - 7000}|bank`]]);
    expect(replies).toEqual([
      1,
      0,
      { otherMs: NOW, channel: 'mpesa_c2b' },
      0,
      { otherMs: NOW - 7000, channel: 'bank' },
    ]);
  });

  it('spreads attempts over every shard', () => {
    const shards = new Set(Array.from({ length: 500 }, (_, i) => shardOf(`RKL${i}ZDR4F`)));
    expect(shards.size).toBe(ATTEMPT_SHARDS);
  });
});
