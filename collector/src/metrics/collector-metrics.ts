import {
  CHANNELS,
  type Channel,
  COLLECTOR_METRICS,
  METRICS,
  OUTCOMES,
  STAGES,
  type VendEvent,
} from '@stimawatch/core';
import { Counter, Gauge, type Registry } from 'prom-client';
import { createFastHistogram } from './fast-histogram';

/** The fixed set of `reason` values of `stimawatch_ingest_rejected_total`. */
export const INGEST_REJECT_REASONS = [
  'malformed_json',
  'invalid_event',
  'empty_body',
  'too_many_events',
  'payload_too_large',
  'unauthorized',
  'invalid_callback',
  'backlog_full',
] as const;
export type IngestRejectReason = (typeof INGEST_REJECT_REASONS)[number];

/** Source label of events that arrive as Daraja callbacks rather than with an ingest token. */
export const DARAJA_SOURCE = 'daraja';

const indexOf = (values: readonly string[]) => new Map(values.map((value, index) => [value, index]));
const CHANNEL_INDEX = indexOf(CHANNELS);
const STAGE_INDEX = indexOf(STAGES);
const OUTCOME_INDEX = indexOf(OUTCOMES);

const STAGE_SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 10, 20, 30, 60, 120, 300];
const PAYMENT_TO_TOKEN_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600];

export interface CollectorMetrics {
  readonly registry: Registry;
  /** Stage outcomes, normalised errors, stage durations and the last-token time for events counted once. */
  recordEvents(events: readonly VendEvent[], nowMs: number): void;
  observePaymentToToken(channel: Channel, seconds: number): void;
  rejected(reason: IngestRejectReason, count?: number): void;
  accepted(source: string, count: number): void;
  duplicates(count: number): void;
  setPaymentsWithoutToken(count: number): void;
  setRedisUp(up: boolean): void;
  setBacklogEvents(count: number): void;
  replayed(count: number): void;
  setProbe(name: string, success: boolean, durationSeconds: number): void;
}

/** Registers the collector's metrics on the given registry; label children are cached for the hot path. */
export function createCollectorMetrics(registry: Registry, sources: readonly string[]): CollectorMetrics {
  const registers = [registry];
  const stageTotal = new Counter({
    name: METRICS.vendStageTotal,
    help: 'Vend-attempt stage events by outcome (each attempt and stage and outcome counted once).',
    labelNames: ['channel', 'stage', 'outcome'],
    registers,
  });
  const errorsTotal = new Counter({
    name: METRICS.vendErrorsTotal,
    help: 'Non-success vend-attempt stage events by normalised error code and class (customer/system).',
    labelNames: ['channel', 'stage', 'code', 'class'],
    registers,
  });
  const stageDuration = createFastHistogram({
    name: METRICS.vendStageDurationSeconds,
    help: 'Time spent in a vend-attempt stage as reported by the producer.',
    labelName: 'stage',
    labelValues: STAGES,
    buckets: STAGE_SECONDS_BUCKETS,
    registry,
  });
  const paymentToToken = createFastHistogram({
    name: METRICS.paymentToTokenSeconds,
    help: 'Time from payment received to token generated, per payment channel.',
    labelName: 'channel',
    labelValues: CHANNELS,
    buckets: PAYMENT_TO_TOKEN_BUCKETS,
    registry,
  });
  const withoutToken = new Gauge({
    name: METRICS.paymentsWithoutToken,
    help: 'Payments received with no token after the configured wait (all collector replicas, from Redis).',
    registers,
  });
  const lastToken = new Gauge({
    name: METRICS.lastTokenIssuedTimestampSeconds,
    help: 'Unix time of the most recent token generated.',
    registers,
  });
  const probeSuccess = new Gauge({
    name: METRICS.probeSuccess,
    help: 'Whether the last synthetic vend probe passed (1) or failed (0).',
    labelNames: ['probe'],
    registers,
  });
  const probeDuration = new Gauge({
    name: METRICS.probeDurationSeconds,
    help: 'Duration of the last synthetic vend probe.',
    labelNames: ['probe'],
    registers,
  });
  const rejectedTotal = new Counter({
    name: METRICS.ingestRejectedTotal,
    help: 'Ingest requests or events rejected, by reason.',
    labelNames: ['reason'],
    registers,
  });
  const acceptedTotal = new Counter({
    name: METRICS.ingestAcceptedTotal,
    help: 'Events accepted for counting (duplicates excluded), by source.',
    labelNames: ['source'],
    registers,
  });
  const duplicatesTotal = new Counter({
    name: COLLECTOR_METRICS.ingestDuplicatesTotal,
    help: 'Replayed events acknowledged but not counted again.',
    registers,
  });
  const redisUp = new Gauge({
    name: METRICS.redisUp,
    help: 'Whether Redis answers (1) or not (0).',
    registers,
  });
  const backlog = new Gauge({
    name: COLLECTOR_METRICS.trackingBacklogEvents,
    help: 'Tracking operations held in memory while Redis is unreachable.',
    registers,
  });
  const replayedTotal = new Counter({
    name: COLLECTOR_METRICS.trackingReplayedTotal,
    help: 'Tracking operations replayed into Redis from the in-memory backlog.',
    registers,
  });

  // Series that exist before the first event, so rate() sees the first increment. Indexed by
  // channel, stage and outcome positions for the hot path.
  const stageChildren: Counter.Internal[] = [];
  for (const channel of CHANNELS) {
    for (const stage of STAGES)
      for (const outcome of OUTCOMES) {
        const child = stageTotal.labels(channel, stage, outcome);
        child.inc(0);
        stageChildren.push(child);
      }
  }
  for (const reason of INGEST_REJECT_REASONS) rejectedTotal.labels(reason).inc(0);
  for (const source of new Set([...sources, DARAJA_SOURCE])) acceptedTotal.labels(source).inc(0);
  redisUp.set(0);
  const stageCounts = new Float64Array(stageChildren.length);

  const errorChildren = new Map<string, Counter.Internal>();
  let lastTokenSeconds = 0;

  function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
    let child = map.get(key);
    if (child === undefined) {
      child = make();
      map.set(key, child);
    }
    return child;
  }

  return {
    registry,
    recordEvents(events, nowMs) {
      let errorCounts: Map<string, number> | undefined;
      for (const event of events) {
        const stage = STAGE_INDEX.get(event.stage) as number;
        const slot = ((CHANNEL_INDEX.get(event.channel) as number) * STAGES.length + stage) * OUTCOMES.length;
        const counter = slot + (OUTCOME_INDEX.get(event.outcome) as number);
        stageCounts[counter] = (stageCounts[counter] as number) + 1;
        if (event.error !== undefined && event.outcome !== 'success') {
          const errorKey = `${event.channel}|${event.stage}|${event.error.code}|${event.error.class}`;
          errorCounts ??= new Map();
          errorCounts.set(errorKey, (errorCounts.get(errorKey) ?? 0) + 1);
        }
        if (event.latencyMs !== undefined) stageDuration.observe(stage, event.latencyMs / 1000);
        if (event.stage === 'token_generation' && event.outcome === 'success') {
          const issuedSeconds = Math.min(event.occurredAtMs, nowMs) / 1000;
          if (issuedSeconds > lastTokenSeconds) lastTokenSeconds = issuedSeconds;
        }
      }
      for (let slot = 0; slot < stageCounts.length; slot++) {
        const count = stageCounts[slot] as number;
        if (count === 0) continue;
        (stageChildren[slot] as Counter.Internal).inc(count);
        stageCounts[slot] = 0;
      }
      for (const [key, count] of errorCounts ?? []) {
        cached(errorChildren, key, () => errorsTotal.labels(...key.split('|'))).inc(count);
      }
      if (lastTokenSeconds > 0) lastToken.set(lastTokenSeconds);
    },
    observePaymentToToken(channel, seconds) {
      const index = CHANNEL_INDEX.get(channel);
      if (index !== undefined) paymentToToken.observe(index, Math.max(0, seconds));
    },
    rejected(reason, count = 1) {
      if (count > 0) rejectedTotal.labels(reason).inc(count);
    },
    accepted(source, count) {
      if (count > 0) acceptedTotal.labels(source).inc(count);
    },
    duplicates(count) {
      if (count > 0) duplicatesTotal.inc(count);
    },
    setPaymentsWithoutToken(count) {
      withoutToken.set(count);
    },
    setRedisUp(up) {
      redisUp.set(up ? 1 : 0);
    },
    setBacklogEvents(count) {
      backlog.set(count);
    },
    replayed(count) {
      if (count > 0) replayedTotal.inc(count);
    },
    setProbe(name, success, durationSeconds) {
      probeSuccess.labels(name).set(success ? 1 : 0);
      probeDuration.labels(name).set(durationSeconds);
    },
  };
}
