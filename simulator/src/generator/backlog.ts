import type { StuckPayment } from '../model/planned-step';

/**
 * Paid attempts whose token the outage stopped. When the scenario says the vending platform is back, the
 * backlog drains at a steady rate so it empties in `drainMs` of scenario time (as a platform replaying its
 * queue would), oldest payment first.
 */
export interface Backlog {
  readonly size: number;
  add(payment: StuckPayment): void;
  /** Takes the payments to vend during a step of `scenarioDtMs`, given the drain window. */
  drain(scenarioDtMs: number, drainMs: number): StuckPayment[];
  /** Forgets the drain rate (called when a new outage starts filling the backlog). */
  resetRate(): void;
}

export function createBacklog(): Backlog {
  const queue: StuckPayment[] = [];
  let sizeAtDrainStart: number | undefined;
  let credit = 0;
  return {
    get size() {
      return queue.length;
    },
    add: (payment) => {
      queue.push(payment);
    },
    drain: (scenarioDtMs, drainMs) => {
      if (queue.length === 0) {
        sizeAtDrainStart = undefined;
        credit = 0;
        return [];
      }
      sizeAtDrainStart ??= queue.length;
      credit += (sizeAtDrainStart * scenarioDtMs) / Math.max(1, drainMs);
      const count = Math.min(queue.length, Math.floor(credit));
      credit -= count;
      return queue.splice(0, count);
    },
    resetRate: () => {
      sizeAtDrainStart = undefined;
      credit = 0;
    },
  };
}
