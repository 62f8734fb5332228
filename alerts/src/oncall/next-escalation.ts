import type { EscalationPolicy } from './oncall-types';

export interface EscalationState {
  status: 'open' | 'acknowledged' | 'resolved';
  /** The level and repeat last notified; meaningless while `escalatedAt` is null. */
  escalationLevel: number;
  escalationRepeat: number;
  /** When the last step was notified; null before the first page. */
  escalatedAt: Date | null;
}

export interface EscalationStep {
  level: number;
  repeat: number;
  dueAt: Date;
  /** Milliseconds from `now` until the step is due (0 when overdue). */
  delayMs: number;
}

/**
 * The step after the incident's last notified one, or null when nothing more is due: the incident is
 * acknowledged or resolved, or the last level has been repeated as often as the policy says. Each level is
 * notified `1 + repeat` times, `delayMs` apart, then the next level follows `delayMs` later.
 */
export function nextEscalation(
  incident: EscalationState,
  policy: EscalationPolicy,
  now: Date,
): EscalationStep | null {
  if (incident.status !== 'open') return null;
  if (incident.escalatedAt === null) return { level: 0, repeat: 0, dueAt: now, delayMs: 0 };
  const current = policy.levels[incident.escalationLevel];
  if (current === undefined) return null;
  const dueAt = new Date(incident.escalatedAt.getTime() + current.delayMs);
  const delayMs = Math.max(0, dueAt.getTime() - now.getTime());
  if (incident.escalationRepeat < current.repeat) {
    return { level: incident.escalationLevel, repeat: incident.escalationRepeat + 1, dueAt, delayMs };
  }
  if (incident.escalationLevel + 1 < policy.levels.length) {
    return { level: incident.escalationLevel + 1, repeat: 0, dueAt, delayMs };
  }
  return null;
}

/** Every step a policy can produce after the first page (for cancelling all pending timers at once). */
export function escalationSteps(policy: EscalationPolicy): { level: number; repeat: number }[] {
  return policy.levels
    .flatMap((level, index) =>
      Array.from({ length: level.repeat + 1 }, (_, repeat) => ({ level: index, repeat })),
    )
    .filter((step) => step.level > 0 || step.repeat > 0);
}
