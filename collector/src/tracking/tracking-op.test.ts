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
    expect(pairedDuration(token, { otherMs: NOW - 42_000, channel: 'mpesa_stk' })).toEqual({
      seconds: 42,
      channel: 'mpesa_stk',
    });
    const payment = toTrackingOp(event({ occurredAtMs: NOW - 42_000 }), NOW);
    expect(pairedDuration(payment, { otherMs: NOW, channel: 'mpesa_c2b' })).toEqual({
      seconds: 42,
      channel: 'mpesa_c2b',
    });
    expect(pairedDuration(payment, 1)).toBeUndefined();
  });
});

describe('script chunks', () => {
  it('groups ops by shard and attempt, carries the first payment and token, and lists each letter once', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'A', stage: 'meter_lookup', channel: 'app' }), NOW),
      toTrackingOp(event({ attemptId: 'B' }), NOW),
      toTrackingOp(event({ attemptId: 'A', channel: 'mpesa_stk' }), NOW),
      toTrackingOp(event({ attemptId: 'A', channel: 'mpesa_c2b', occurredAtMs: NOW - 500 }), NOW),
      toTrackingOp(event({ attemptId: 'B', stage: 'token_generation', occurredAtMs: NOW }), NOW),
    ];
    const lookup = opLetter(ops[0] as TrackingOp);
    const chunk = groupByAttempt(ops, 0, ops.length);
    const a = ['A', `${lookup}${PAID_LETTER}|${NOW - 1000}|mpesa_stk|`, `${NOW - 1000}`] as const;
    const b = ['B', `${PAID_LETTER}${TOKEN_LETTER}|${NOW - 1000}|mpesa_c2b|${NOW}`, ''] as const;
    const [first, second] = shardOf('A') < shardOf('B') ? [a, b] : [b, a];
    expect(shardOf('A')).not.toBe(shardOf('B'));
    expect(JSON.parse(chunk.json)).toEqual(
      [first, second].map(([id, record, awaiting]) => [shardOf(id), [id], [record], [awaiting]]),
    );
    expect(chunk.groups.map((group) => group.attemptId)).toEqual([first[0], second[0]]);
  });

  it('puts the attempts of one shard in one entry, in order of first appearance', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `RKL${i}ZDR4F`);
    const ops = [...ids, ...ids].map((attemptId) => toTrackingOp(event({ attemptId }), NOW));
    const entries = JSON.parse(groupByAttempt(ops, 0, ops.length).json) as Array<[number, string[]]>;
    expect(entries.map(([shard]) => shard)).toEqual([...new Set(ids.map(shardOf))].sort((x, y) => x - y));
    for (const [shard, members] of entries) {
      expect(members).toEqual(ids.filter((id) => shardOf(id) === shard));
    }
  });

  it('answers new attempts alone and known ones from their stored record', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'A', stage: 'token_generation', occurredAtMs: NOW }), NOW),
      toTrackingOp(event({ attemptId: 'K' }), NOW),
      toTrackingOp(event({ attemptId: 'A' }), NOW),
      toTrackingOp(event({ attemptId: 'A', stage: 'token_generation', occurredAtMs: NOW }), NOW),
      toTrackingOp(event({ attemptId: 'K', stage: 'token_generation', occurredAtMs: NOW }), NOW),
    ];
    const chunk = groupByAttempt(ops, 0, ops.length);
    const known = chunk.groups.findIndex((group) => group.attemptId === 'K') + 1;
    // K was already recorded with its payment: this payment is a replay, the token pairs with the stored one.
    const replies = repliesInOpOrder(chunk, [known, `${PAID_LETTER}|${NOW - 7000}|bank|`]);
    expect(replies).toEqual([
      1,
      0,
      { otherMs: NOW, channel: 'mpesa_c2b' },
      0,
      { otherMs: NOW - 7000, channel: 'bank' },
    ]);
  });

  it('pairs a payment with a token stored before it, and replays a stored token', () => {
    const ops = [
      toTrackingOp(event({ attemptId: 'T', occurredAtMs: NOW - 2000, channel: 'app' }), NOW),
      toTrackingOp(event({ attemptId: 'T', stage: 'token_generation' }), NOW),
    ];
    const chunk = groupByAttempt(ops, 0, ops.length);
    const replies = repliesInOpOrder(chunk, [1, `${TOKEN_LETTER}|||${NOW}`]);
    expect(replies).toEqual([{ otherMs: NOW, channel: 'app' }, 0]);
  });

  it('spreads attempts over every shard', () => {
    const shards = new Set(Array.from({ length: 500 }, (_, i) => shardOf(`RKL${i}ZDR4F`)));
    expect(shards.size).toBe(ATTEMPT_SHARDS);
  });
});
