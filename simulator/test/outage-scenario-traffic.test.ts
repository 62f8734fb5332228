import { createLogger } from '@stimawatch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock';
import type { ForwardedValidationBody } from '../src/daraja/daraja-schemas';
import { createCollectorClient } from '../src/generator/collector-client';
import { createTrafficGenerator } from '../src/generator/traffic-generator';
import { eatInstant } from '../src/model/eat-time';
import { type RecordedEvent, startRecordingCollector } from './recording-collector';

const TOKEN = 'simulator-test-token-0123456789';
const SECRET = 'callback-secret-abcdef';
const START = eatInstant(2024, 6, 4, 19);
const TICK_MS = 250;
const TIME_SCALE = 10;
// Wall-clock boundaries with the default durations (60 s, 360 s, 180 s of scenario time) compressed 10×.
const OUTAGE_AT = START + 10_000;
const PHASE2_AT = OUTAGE_AT + 6_000;
const RECOVERY_AT = OUTAGE_AT + 42_000;
const DONE_AT = OUTAGE_AT + 60_000;
const END = DONE_AT + 30_000;

const clock = createManualClock(START);
let collector: Awaited<ReturnType<typeof startRecordingCollector>>;
let rejectedByCollector = -1;

beforeAll(async () => {
  collector = await startRecordingCollector({ token: TOKEN, secret: SECRET, now: clock.now, failFirst: 5 });
  const generator = createTrafficGenerator({
    client: createCollectorClient({ baseUrl: collector.url, ingestToken: TOKEN, callbackSecret: SECRET }),
    clock,
    logger: createLogger('simulator-test', 'silent'),
    seed: 'outage-test',
    scale: 1,
    timeScale: TIME_SCALE,
  });
  while (clock.now() < END) {
    clock.advance(TICK_MS);
    if (clock.now() === OUTAGE_AT) generator.setScenario({ name: 'outage' });
    await generator.tick();
  }
  rejectedByCollector = generator.stats().rejectedByCollector;
});

afterAll(async () => {
  await collector?.close();
});

const validations = (from: number, to: number) =>
  collector.daraja
    .filter((d) => d.route === 'c2b/validation' && d.at >= from && d.at < to)
    .map((d) => d.body as ForwardedValidationBody);
const share = (items: ForwardedValidationBody[], code: string) =>
  items.filter((v) => v.ResultCode === code).length / items.length;
const confirmations = (from: number, to: number) =>
  collector.daraja.filter((d) => d.route === 'c2b/confirmation' && d.at >= from && d.at < to).length;
const tokenEvents = (outcome: string, from: number, to: number): RecordedEvent[] =>
  collector.events.filter(
    (e) => e.event.stage === 'token_generation' && e.event.outcome === outcome && e.at >= from && e.at < to,
  );

describe('outage scenario as the collector receives it', () => {
  it('sends only well-formed requests, accepted after the first 503s were retried', () => {
    expect(collector.rejected).toEqual([]);
    expect(rejectedByCollector).toBe(0);
    expect(collector.daraja.length).toBeGreaterThan(1_000);
    expect(collector.events.length).toBeGreaterThan(2_000);
  });

  it('raises the C2B00016 share through phase 1 and keeps it high in phase 2', () => {
    const before = validations(START, OUTAGE_AT);
    const early = validations(OUTAGE_AT, OUTAGE_AT + 3_000);
    const late = validations(OUTAGE_AT + 3_000, PHASE2_AT);
    expect(share(before, 'C2B00016')).toBe(0);
    expect(share(late, 'C2B00016')).toBeGreaterThan(share(early, 'C2B00016'));
    expect(share(validations(PHASE2_AT, RECOVERY_AT), 'C2B00016')).toBeGreaterThan(0.5);
    const timeouts = collector.events.filter(
      (e) => e.event.stage === 'payment_validation' && e.event.outcome === 'timeout' && e.at < RECOVERY_AT,
    );
    expect(timeouts.length).toBeGreaterThan(50);
    expect(
      timeouts.every((e) => e.event.error?.domain === 'mpesa_c2b' && e.event.error.rawCode === 'TIMEOUT'),
    ).toBe(true);
  });

  it('stops token successes in phase 2 while confirmations continue at a lower rate', () => {
    const settledFrom = PHASE2_AT + 5_000;
    const windowS = (RECOVERY_AT - settledFrom) / 1_000;
    const normalRate = confirmations(START, OUTAGE_AT) / 10;
    const outageRate = confirmations(settledFrom, RECOVERY_AT) / windowS;
    expect(outageRate).toBeGreaterThan(0);
    expect(outageRate).toBeLessThan(normalRate * 0.6);
    const failed = tokenEvents('failed', settledFrom, RECOVERY_AT).length;
    const timedOut = tokenEvents('timeout', settledFrom, RECOVERY_AT).length;
    const succeeded = tokenEvents('success', settledFrom, RECOVERY_AT).length;
    expect(failed + timedOut).toBeGreaterThan(200);
    expect(succeeded).toBeLessThan((failed + timedOut) * 0.1);
    expect(
      tokenEvents('failed', settledFrom, RECOVERY_AT).every(
        (e) => e.event.error?.rawCode === 'HSM_UNAVAILABLE',
      ),
    ).toBe(true);
  });

  it('recovers: validations accepted again and every stuck payment finally gets its token', () => {
    expect(share(validations(RECOVERY_AT + 2_000, END), 'C2B00016')).toBe(0);
    const stuck = new Set(
      collector.events
        .filter(
          (e) =>
            e.event.stage === 'token_generation' &&
            /HSM_UNAVAILABLE|TIMEOUT/.test(String(e.event.error?.rawCode)),
        )
        .map((e) => e.event.attemptId),
    );
    const issued = new Set(tokenEvents('success', RECOVERY_AT, END).map((e) => e.event.attemptId));
    expect(stuck.size).toBeGreaterThan(200);
    expect([...stuck].filter((id) => !issued.has(id))).toEqual([]);
    const recoveryRate = tokenEvents('success', RECOVERY_AT, RECOVERY_AT + 12_000).length / 12;
    const normalRate = tokenEvents('success', START, OUTAGE_AT).length / 10;
    expect(recoveryRate).toBeGreaterThan(normalRate * 1.5);
  });
});
