import type { ErrorClass, LiveSnapshot, ProbeStatus, TopErrorCode, VendEvent } from '@stimawatch/core';

const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

/** Per-minute counts: tokens generated, system-caused failures, and events counted in the ratio. */
export interface MinuteCounts {
  tokens: number;
  failures: number;
  counted: number;
}

export interface SnapshotExtras {
  paymentsWithoutToken: number | null;
  probes: ProbeStatus[];
  redisUp: boolean;
}

export interface LiveAggregator {
  /** Events counted once (duplicates already removed). */
  record(events: readonly VendEvent[]): void;
  /** Replaces the cross-replica per-minute history read from Redis (minute index → counts). */
  setHistory(history: ReadonlyMap<number, MinuteCounts>): void;
  snapshot(extras: SnapshotExtras): LiveSnapshot;
  /** The minute indexes whose history the console needs: the series window and the same minute last week. */
  historyMinutes(): number[];
}

export interface LiveAggregatorOptions {
  now: () => number;
  seriesMinutes?: number;
  ratioMinutes?: number;
  topCodesMinutes?: number;
  topCodes?: number;
  rawExamplesPerCode?: number;
}

interface CodeStats {
  class: ErrorClass;
  count: number;
  raw: string[];
}

interface Bucket extends MinuteCounts {
  codes: Map<string, CodeStats>;
}

/** The rolling aggregates behind `/v1/live`: pure, driven by an injected clock. */
export function createLiveAggregator(options: LiveAggregatorOptions): LiveAggregator {
  const seriesMinutes = options.seriesMinutes ?? 180;
  const ratioMinutes = options.ratioMinutes ?? 5;
  const topCodesMinutes = options.topCodesMinutes ?? 15;
  const topCodes = options.topCodes ?? 10;
  const rawExamples = options.rawExamplesPerCode ?? 3;
  const buckets = new Map<number, Bucket>();
  let history: ReadonlyMap<number, MinuteCounts> | undefined;
  let prunedAt = -1;

  const currentMinute = () => Math.floor(options.now() / MINUTE_MS);

  function prune(minute: number): void {
    if (minute === prunedAt) return;
    prunedAt = minute;
    for (const key of buckets.keys()) if (key <= minute - seriesMinutes) buckets.delete(key);
  }

  function bucketFor(minute: number): Bucket {
    let bucket = buckets.get(minute);
    if (bucket === undefined) {
      bucket = { tokens: 0, failures: 0, counted: 0, codes: new Map() };
      buckets.set(minute, bucket);
    }
    return bucket;
  }

  function countsAt(minute: number): MinuteCounts {
    const local = buckets.get(minute);
    const global = history?.get(minute);
    return {
      tokens: Math.max(local?.tokens ?? 0, global?.tokens ?? 0),
      failures: Math.max(local?.failures ?? 0, global?.failures ?? 0),
      counted: Math.max(local?.counted ?? 0, global?.counted ?? 0),
    };
  }

  return {
    record(events) {
      const nowMs = options.now();
      const now = Math.floor(nowMs / MINUTE_MS);
      prune(now);
      for (const event of events) {
        const minute = Math.floor(Math.min(event.occurredAtMs, nowMs) / MINUTE_MS);
        if (minute <= now - seriesMinutes) continue;
        const bucket = bucketFor(minute);
        const success = event.outcome === 'success';
        const systemFailure = !success && event.error?.class !== 'customer';
        if (success && event.stage === 'token_generation') bucket.tokens += 1;
        if (success || systemFailure) bucket.counted += 1;
        if (systemFailure) bucket.failures += 1;
        if (!success && event.error !== undefined) {
          let stats = bucket.codes.get(event.error.code);
          if (stats === undefined) {
            stats = { class: event.error.class, count: 0, raw: [] };
            bucket.codes.set(event.error.code, stats);
          }
          stats.count += 1;
          if (stats.raw.length < rawExamples && !stats.raw.includes(event.error.rawCode)) {
            stats.raw.push(event.error.rawCode);
          }
        }
      }
    },
    setHistory(next) {
      history = next;
    },
    historyMinutes() {
      const now = currentMinute();
      const minutes: number[] = [];
      for (let minute = now - seriesMinutes + 1; minute <= now; minute++) minutes.push(minute);
      minutes.push(now - 1 - WEEK_MINUTES);
      return minutes;
    },
    snapshot(extras) {
      const nowMs = options.now();
      const now = Math.floor(nowMs / MINUTE_MS);
      prune(now);
      const tokens: number[] = [];
      const failures: number[] = [];
      let failures5m = 0;
      let counted5m = 0;
      for (let minute = now - seriesMinutes + 1; minute <= now; minute++) {
        const counts = countsAt(minute);
        tokens.push(counts.tokens);
        failures.push(counts.failures);
        if (minute > now - ratioMinutes) {
          failures5m += counts.failures;
          counted5m += counts.counted;
        }
      }
      const lastWeek = now - 1 - WEEK_MINUTES;
      return {
        generatedAt: new Date(nowMs).toISOString(),
        tokensLastMinute: countsAt(now - 1).tokens,
        tokensSameMinuteLastWeek: history === undefined ? null : (history.get(lastWeek)?.tokens ?? 0),
        systemFailureRatio5m: counted5m === 0 ? null : failures5m / counted5m,
        failures5m,
        counted5m,
        paymentsWithoutToken: extras.paymentsWithoutToken,
        topErrorCodes15m: topErrorCodes(buckets, now, topCodesMinutes, topCodes),
        probes: extras.probes,
        redisUp: extras.redisUp,
        series: { startMs: (now - seriesMinutes + 1) * MINUTE_MS, stepSeconds: 60, tokens, failures },
      };
    },
  };
}

function topErrorCodes(
  buckets: ReadonlyMap<number, Bucket>,
  now: number,
  windowMinutes: number,
  limit: number,
): TopErrorCode[] {
  const totals = new Map<string, TopErrorCode>();
  for (let minute = now - windowMinutes + 1; minute <= now; minute++) {
    for (const [code, stats] of buckets.get(minute)?.codes ?? []) {
      const total = totals.get(code) ?? { code, class: stats.class, count: 0, rawExamples: [] };
      total.count += stats.count;
      for (const raw of stats.raw) {
        if (total.rawExamples.length < 3 && !total.rawExamples.includes(raw)) total.rawExamples.push(raw);
      }
      totals.set(code, total);
    }
  }
  return [...totals.values()]
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, limit);
}
