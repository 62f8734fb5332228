import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTAGE_DURATIONS, effectsAt, outageWallMs, phaseAt, type ScenarioRun } from './scenario';

const START = Date.UTC(2024, 5, 4, 16, 0);
const outage = (timeScale = 1): ScenarioRun => ({
  runId: 1,
  name: 'outage',
  startedAtMs: START,
  timeScale,
  durations: DEFAULT_OUTAGE_DURATIONS,
});
const minutes = (m: number) => START + m * 60_000;

describe('outage scenario', () => {
  it('walks through validation failing, tokens stopped, recovery and done (~10 minutes by default)', () => {
    const run = outage();
    expect(phaseAt(run, minutes(0.5)).phase).toBe('validation_failing');
    expect(phaseAt(run, minutes(2)).phase).toBe('tokens_stopped');
    expect(phaseAt(run, minutes(7.5)).phase).toBe('recovery');
    expect(phaseAt(run, minutes(10.1)).phase).toBe('done');
    expect(outageWallMs(DEFAULT_OUTAGE_DURATIONS, 1)).toBe(600_000);
  });

  it('raises the C2B00016 share and timeouts through phase 1 without stopping tokens', () => {
    const run = outage();
    const early = effectsAt(run, minutes(0.05));
    const late = effectsAt(run, minutes(0.95));
    expect(late.validationRejectShare).toBeGreaterThan(early.validationRejectShare + 0.3);
    expect(late.validationTimeoutShare).toBeGreaterThan(early.validationTimeoutShare);
    expect(late.tokenFailureShare).toBe(0);
    expect(late.drainBacklog).toBe(false);
  });

  it('stops tokens in phase 2 while most validations fail and complaints surge', () => {
    const effects = effectsAt(outage(), minutes(4));
    expect(effects.tokenFailureShare).toBeGreaterThan(0.9);
    expect(effects.validationRejectShare + effects.validationTimeoutShare).toBeGreaterThan(0.6);
    expect(effects.validationRejectShare + effects.validationTimeoutShare).toBeLessThan(0.9);
    expect(effects.complaintsPerMinute).toBeGreaterThan(20);
    expect(effects.officialSilent).toBe(true);
  });

  it('recovers in phase 3: validations succeed and the backlog drains', () => {
    const effects = effectsAt(outage(), minutes(8));
    expect(effects.validationRejectShare).toBe(0);
    expect(effects.tokenFailureShare).toBe(0);
    expect(effects.drainBacklog).toBe(true);
    expect(effectsAt(outage(), minutes(11)).officialSilent).toBe(false);
  });

  it('compresses the phases with the time scale', () => {
    const run = outage(60);
    expect(phaseAt(run, START + 2_000).phase).toBe('tokens_stopped');
    expect(phaseAt(run, START + 10_001).phase).toBe('done');
  });

  it('has no effects in the normal scenario', () => {
    const effects = effectsAt({ ...outage(), name: 'normal' }, minutes(4));
    expect(effects).toMatchObject({ phase: 'normal', tokenFailureShare: 0, validationRejectShare: 0 });
  });
});
