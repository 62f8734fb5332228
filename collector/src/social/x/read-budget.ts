import type { Logger } from '@stimawatch/core';
import type { Redis } from 'ioredis';
import type { SocialKeys } from '../social-keys';

export const BUDGET_WARNING_RATIO = 0.8;
const BUDGET_KEY_TTL_SECONDS = 40 * 24 * 60 * 60;

export interface ReadBudget {
  /** Posts that may still be read this month (never negative). */
  remaining(): Promise<number>;
  record(postsRead: number): Promise<void>;
  usedRatio(): Promise<number>;
}

/** The calendar month (UTC) the X read budget is counted in. */
export function budgetMonth(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 7);
}

/**
 * X bills per post read: a monthly budget counted in Redis across replicas. Logs a warning once at 80% and an
 * error once at 100%, after which the pollers stop until the next month.
 */
export function createReadBudget(
  redis: Redis,
  keys: SocialKeys,
  options: { monthlyBudget: number; now: () => number; logger: Logger },
): ReadBudget {
  const used = async () => Number((await redis.get(keys.readBudget(budgetMonth(options.now())))) ?? 0);
  const alertOnce = async (month: string, level: string) =>
    (await redis.set(keys.readBudgetAlerted(month, level), '1', 'EX', BUDGET_KEY_TTL_SECONDS, 'NX')) === 'OK';

  return {
    async remaining() {
      return Math.max(0, options.monthlyBudget - (await used()));
    },

    async record(postsRead) {
      if (postsRead <= 0) return;
      const month = budgetMonth(options.now());
      const key = keys.readBudget(month);
      const [[error, total] = [null, 0]] =
        (await redis.multi().incrby(key, postsRead).expire(key, BUDGET_KEY_TTL_SECONDS).exec()) ?? [];
      if (error) throw error;
      const ratio = options.monthlyBudget === 0 ? 1 : Number(total) / options.monthlyBudget;
      if (ratio >= 1 && (await alertOnce(month, '100'))) {
        options.logger.error(
          { month, used: Number(total), budget: options.monthlyBudget },
          'monthly X read budget used up: X polling stops until next month (raise X_MONTHLY_READ_BUDGET?)',
        );
      } else if (ratio >= BUDGET_WARNING_RATIO && (await alertOnce(month, '80'))) {
        options.logger.warn(
          { month, used: Number(total), budget: options.monthlyBudget },
          'monthly X read budget 80% used',
        );
      }
    },

    async usedRatio() {
      return options.monthlyBudget === 0 ? 1 : (await used()) / options.monthlyBudget;
    },
  };
}
