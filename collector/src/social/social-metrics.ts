import { type Logger, METRICS } from '@stimawatch/core';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ComplaintWindow } from './counting/complaint-counter';

/** Values kept in Redis so that every collector replica exports the same figure (rules take `max`). */
export interface SocialSnapshot {
  window: ComplaintWindow;
  /** Undefined when the X source is off. */
  readBudgetUsedRatio: number | undefined;
  /** Per source label, 1 up, 0 down; a source appears once its state is known. */
  sourceUp: Record<string, number>;
  lastOfficialStatementSeconds: number | undefined;
}

export interface SocialMetrics {
  postsTotal: Counter<'source' | 'category'>;
  postsReadTotal: Counter;
}

/**
 * Registers the social metrics on the injected registry. Gauges read one Redis snapshot at scrape time; if
 * Redis does not answer they keep their last values (and the failure is logged) instead of failing /metrics.
 */
export function createSocialMetrics(
  registry: Registry,
  readSnapshot: () => Promise<SocialSnapshot>,
  logger: Logger,
): SocialMetrics {
  const registers = [registry];
  // The gauges of one scrape are collected concurrently: they share the read in flight.
  let inFlight: Promise<SocialSnapshot | undefined> | undefined;
  const snapshot = (): Promise<SocialSnapshot | undefined> => {
    inFlight ??= readSnapshot()
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'social metrics: Redis snapshot failed; exporting last values');
        return undefined;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  new Gauge({
    name: METRICS.socialComplaintAuthors,
    help: 'Unique authors posting outage complaints in the sliding window (Redis-backed, equal on every replica).',
    labelNames: ['window'],
    registers,
    async collect() {
      const current = await snapshot();
      if (current !== undefined) this.set({ window: '10m' }, current.window.complaintAuthors);
    },
  });
  new Gauge({
    name: METRICS.socialComplaintAuthorsBaseline,
    help: 'Median of the unique complaining authors at this hour of the week over past weeks.',
    labelNames: ['window'],
    registers,
    async collect() {
      const current = await snapshot();
      if (current !== undefined) this.set({ window: '10m' }, current.window.baseline);
    },
  });
  new Gauge({
    name: METRICS.socialNegativeShare,
    help: 'Share of negative posts among the posts of the sliding window (0 when there are none).',
    labelNames: ['window'],
    registers,
    async collect() {
      const current = await snapshot();
      if (current !== undefined) this.set({ window: '10m' }, current.window.negativeShare);
    },
  });
  new Gauge({
    name: METRICS.socialSourceUp,
    help: 'Whether a social source answers (1) or fails: rejected credentials, 5xx, malformed answers (0).',
    labelNames: ['source'],
    registers,
    async collect() {
      const current = await snapshot();
      for (const [source, up] of Object.entries(current?.sourceUp ?? {})) this.set({ source }, up);
    },
  });
  new Gauge({
    name: METRICS.socialReadBudgetUsedRatio,
    help: 'Share of the monthly X post-read budget used this calendar month (UTC).',
    registers,
    async collect() {
      const ratio = (await snapshot())?.readBudgetUsedRatio;
      if (ratio !== undefined) this.set(ratio);
    },
  });
  new Gauge({
    name: METRICS.lastOfficialStatementTimestampSeconds,
    help: "Time of the utility's latest post on its official accounts, in Unix seconds.",
    registers,
    async collect() {
      const seconds = (await snapshot())?.lastOfficialStatementSeconds;
      if (seconds !== undefined) this.set(seconds);
    },
  });
  return {
    postsTotal: new Counter({
      name: METRICS.socialPostsTotal,
      help: 'Posts stored, by source and classifier category (retweets, repeats and duplicates excluded).',
      labelNames: ['source', 'category'],
      registers,
    }),
    postsReadTotal: new Counter({
      name: METRICS.socialPostsReadTotal,
      help: 'Posts read from the X API (X bills per post read).',
      registers,
    }),
  };
}
