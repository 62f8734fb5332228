import { StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { parseOptions } from './parse-options';

export const DEFAULT_RUNBOOK_BASE_URL = 'https://github.com/stimawatch/stimawatch/blob/main/docs/runbooks';

/**
 * The smallest range window any rule uses at production scale (the hard-outage tier's short window).
 * `rate()` needs at least 4 scrapes in a window, so `timeScale` may be at most
 * `MIN_RATE_WINDOW_SECONDS / (4 × scrape interval)`: 30 at a 1 s scrape, 2 at a 15 s scrape.
 */
export const MIN_RATE_WINDOW_SECONDS = 120;

const positive = z.number().positive();
const ratio = z.number().gt(0).lt(1);

/** Tunables of the rule generator; every field has a production default. */
export const ruleOptionsSchema = z.object({
  /** Divides every range window, `for`, offset and time-valued threshold (20 turns 5m into 15s). */
  timeScale: positive.default(1),
  /** When given, rendering fails if a rate window would hold fewer than 4 scrapes at this interval. */
  scrapeIntervalSeconds: positive.optional(),
  /** Vend SLO: share of attempts per stage that must not fail for system reasons. */
  sloObjective: z.number().gt(0.5).lt(1).default(0.995),
  runbookBaseUrl: z.url().default(DEFAULT_RUNBOOK_BASE_URL),
  /** Burn-rate traffic guard: attempts per second a stage needs before its failure ratio may alert. */
  minStageRatePerSecond: z.number().nonnegative().default(0.05),
  /** PaidButNoToken fires when more payments than this are still without a token. */
  paidButNoTokenThreshold: z.number().int().nonnegative().default(3),
  /** TokenIssuanceStalled (cliff): tokens issued below this share of the same time last week. */
  tokenCliffRatio: ratio.default(0.3),
  /** TokenIssuanceStalled (cliff) only applies when last week issued more tokens per second than this. */
  tokenCliffMinLastWeekPerSecond: z.number().nonnegative().default(0.05),
  /** TokenIssuanceStalled (stopped): minutes without any token while payments continue. */
  tokenStallMinutes: positive.default(5),
  /** TokenIssuanceStalled (stopped): successful payments per second that count as "payments continue". */
  tokenStallMinPaymentsPerSecond: z.number().nonnegative().default(0.01),
  /** PaymentErrorSpike: one system code's share of a payment stage's attempts. */
  paymentErrorMinRatio: ratio.default(0.05),
  /** PaymentErrorSpike: one system code's rate floor, per second. */
  paymentErrorMinRatePerSecond: z.number().nonnegative().default(0.02),
  /** SocialComplaintSurge: complaining authors per 10 min above this multiple of the hour-of-week baseline. */
  socialSurgeFactor: positive.default(3),
  /** SocialComplaintSurge: absolute floor of complaining authors per 10 min. */
  socialSurgeMinAuthors: positive.default(10),
  /** PublicSilence pages comms after this many minutes without a public statement. */
  publicSilenceMinutes: positive.default(15),
  /** PublicSilence raises a management ticket after this many minutes. */
  publicSilenceManagementMinutes: positive.default(45),
  /** NotificationDeliveryFailing: failed share of a channel's notifications. */
  notificationFailureRatio: ratio.default(0.2),
});
export type RuleOptions = z.input<typeof ruleOptionsSchema>;
export type ResolvedRuleOptions = z.output<typeof ruleOptionsSchema>;

/** Validates options and fills defaults; fails with a message naming the bad field. */
export function resolveRuleOptions(options: RuleOptions = {}): ResolvedRuleOptions {
  const resolved = parseOptions(ruleOptionsSchema, options, 'rule');
  if (resolved.scrapeIntervalSeconds !== undefined) {
    const window = MIN_RATE_WINDOW_SECONDS / resolved.timeScale;
    if (window < 4 * resolved.scrapeIntervalSeconds) {
      throw new StimaError(
        'VALIDATION',
        `timeScale ${resolved.timeScale} shrinks the smallest rate window to ${window}s, ` +
          `under 4 scrapes of ${resolved.scrapeIntervalSeconds}s; use timeScale <= ${maxTimeScaleFor(resolved.scrapeIntervalSeconds)}`,
        { timeScale: resolved.timeScale, scrapeIntervalSeconds: resolved.scrapeIntervalSeconds },
      );
    }
  }
  return resolved;
}

/** The largest timeScale that keeps every rate window at 4 or more scrapes. */
export function maxTimeScaleFor(scrapeIntervalSeconds: number): number {
  return MIN_RATE_WINDOW_SECONDS / (4 * scrapeIntervalSeconds);
}
