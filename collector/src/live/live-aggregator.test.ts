import type { VendEvent } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { createLiveAggregator, type MinuteCounts } from './live-aggregator';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');

function fakeClock(start: number) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function event(overrides: Partial<VendEvent> = {}): VendEvent {
  return {
    version: 1,
    attemptId: 'A',
    channel: 'mpesa_c2b',
    stage: 'token_generation',
    outcome: 'success',
    occurredAtMs: T0,
    currency: 'KES',
    ...overrides,
  };
}

const extras = { paymentsWithoutToken: 4, probes: [], redisUp: true };

function failure(code: string, rawCode: string, cls: 'customer' | 'system', at = T0): VendEvent {
  return event({
    outcome: 'failed',
    occurredAtMs: at,
    error: { domain: 'vending', rawCode, code, class: cls, retryable: true },
  });
}

describe('live aggregator', () => {
  it('counts tokens of the last complete minute and fills the per-minute series', () => {
    const clock = fakeClock(T0 + 30_000);
    const live = createLiveAggregator({ now: clock.now, seriesMinutes: 10 });
    live.record([event(), event(), event({ occurredAtMs: T0 - MINUTE })]);
    clock.advance(MINUTE);
    const snapshot = live.snapshot(extras);
    expect(snapshot.tokensLastMinute).toBe(2);
    expect(snapshot.series.tokens).toHaveLength(10);
    expect(snapshot.series.tokens.slice(-3)).toEqual([1, 2, 0]);
    expect(snapshot.series.startMs).toBe(T0 + MINUTE - 9 * MINUTE);
    expect(snapshot.paymentsWithoutToken).toBe(4);
  });

  it('excludes customer-caused failures from the 5-minute system failure ratio', () => {
    const clock = fakeClock(T0 + 10_000);
    const live = createLiveAggregator({ now: clock.now });
    live.record([
      event(),
      event(),
      event(),
      failure('HSM_UNAVAILABLE', 'HSM_UNAVAILABLE', 'system'),
      failure('UNKNOWN_METER', 'UnknownMeterEx', 'customer'),
    ]);
    const snapshot = live.snapshot(extras);
    expect(snapshot.failures5m).toBe(1);
    expect(snapshot.counted5m).toBe(4);
    expect(snapshot.systemFailureRatio5m).toBe(0.25);
    clock.advance(5 * MINUTE);
    expect(live.snapshot(extras).systemFailureRatio5m).toBeNull();
  });

  it('ranks error codes over 15 minutes with a few distinct raw examples', () => {
    const clock = fakeClock(T0 + 10_000);
    const live = createLiveAggregator({ now: clock.now });
    live.record([
      failure('HSM_UNAVAILABLE', 'HSM_UNAVAILABLE', 'system'),
      failure('HSM_UNAVAILABLE', 'HSMUnavailableEx', 'system'),
      failure('HSM_UNAVAILABLE', 'HSMUnavailableEx', 'system'),
      failure('UNKNOWN_METER', 'UnknownMeterEx', 'customer', T0 - 20 * MINUTE),
      failure('UNKNOWN_METER', 'UnknownMeterEx', 'customer'),
    ]);
    expect(live.snapshot(extras).topErrorCodes15m).toEqual([
      {
        code: 'HSM_UNAVAILABLE',
        class: 'system',
        count: 3,
        rawExamples: ['HSM_UNAVAILABLE', 'HSMUnavailableEx'],
      },
      { code: 'UNKNOWN_METER', class: 'customer', count: 1, rawExamples: ['UnknownMeterEx'] },
    ]);
    clock.advance(15 * MINUTE);
    expect(live.snapshot(extras).topErrorCodes15m).toEqual([]);
  });

  it('merges the cross-replica history (max per minute) and reads the same minute last week', () => {
    const clock = fakeClock(T0 + 10_000);
    const live = createLiveAggregator({ now: clock.now, seriesMinutes: 5 });
    const now = Math.floor(clock.now() / MINUTE);
    live.record([event({ occurredAtMs: T0 - MINUTE })]);
    expect(live.snapshot(extras).tokensSameMinuteLastWeek).toBeNull();
    const history = new Map<number, MinuteCounts>([
      [now - 1, { tokens: 7, failures: 1, counted: 8 }],
      [now - 1 - 7 * 24 * 60, { tokens: 11, failures: 0, counted: 11 }],
    ]);
    expect(live.historyMinutes()).toEqual([now - 4, now - 3, now - 2, now - 1, now, now - 1 - 7 * 24 * 60]);
    live.setHistory(history);
    const snapshot = live.snapshot(extras);
    expect(snapshot.tokensLastMinute).toBe(7);
    expect(snapshot.tokensSameMinuteLastWeek).toBe(11);
    expect(snapshot.series.failures).toEqual([0, 0, 0, 1, 0]);
  });

  it('clamps future event times to now and drops minutes older than the series', () => {
    const clock = fakeClock(T0 + 10_000);
    const live = createLiveAggregator({ now: clock.now, seriesMinutes: 3 });
    live.record([event({ occurredAtMs: T0 + 3_600_000 }), event({ occurredAtMs: T0 - 10 * MINUTE })]);
    expect(live.snapshot(extras).series.tokens).toEqual([0, 0, 1]);
  });
});
