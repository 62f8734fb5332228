import { describe, expect, it } from 'vitest';
import { type EscalationState, escalationSteps, nextEscalation } from './next-escalation';
import type { EscalationPolicy } from './oncall-types';

const MIN = 60_000;
const policy: EscalationPolicy = {
  id: 'engineering',
  levels: [
    { targets: [{ kind: 'rotation', id: 'primary' }], delayMs: 5 * MIN, repeat: 1, channels: ['sms'] },
    { targets: [{ kind: 'rotation', id: 'secondary' }], delayMs: 10 * MIN, repeat: 0, channels: ['sms'] },
  ],
};

/** A fake clock: every test moves time explicitly. */
const t0 = new Date('2026-05-04T19:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

function state(
  level: number,
  repeat: number,
  escalatedAt: Date | null,
  status: EscalationState['status'] = 'open',
) {
  return { status, escalationLevel: level, escalationRepeat: repeat, escalatedAt };
}

describe('nextEscalation', () => {
  it('pages level 0 immediately when nothing was sent yet', () => {
    expect(nextEscalation(state(0, 0, null), policy, t0)).toEqual({
      level: 0,
      repeat: 0,
      dueAt: t0,
      delayMs: 0,
    });
  });

  it('repeats a level after its delay, then moves on to the next level', () => {
    const repeatStep = nextEscalation(state(0, 0, t0), policy, after(1 * MIN));
    expect(repeatStep).toEqual({ level: 0, repeat: 1, dueAt: after(5 * MIN), delayMs: 4 * MIN });
    const secondary = nextEscalation(state(0, 1, after(5 * MIN)), policy, after(5 * MIN));
    expect(secondary).toEqual({ level: 1, repeat: 0, dueAt: after(10 * MIN), delayMs: 5 * MIN });
  });

  it('reports an overdue step as due now (delay 0) rather than in the past', () => {
    expect(nextEscalation(state(0, 0, t0), policy, after(60 * MIN))?.delayMs).toBe(0);
  });

  it('stops after the last level has been notified as often as the policy says', () => {
    expect(nextEscalation(state(1, 0, after(10 * MIN)), policy, after(11 * MIN))).toBeNull();
  });

  it('stops as soon as the incident is acknowledged or resolved', () => {
    expect(nextEscalation(state(0, 0, t0, 'acknowledged'), policy, after(MIN))).toBeNull();
    expect(nextEscalation(state(0, 0, t0, 'resolved'), policy, after(MIN))).toBeNull();
  });

  it('lists every step after the first page, for cancelling them all', () => {
    expect(escalationSteps(policy)).toEqual([
      { level: 0, repeat: 1 },
      { level: 1, repeat: 0 },
    ]);
  });
});
