import { type Logger, StimaError, type VendEvent } from '@stimawatch/core';
import type { Redis } from 'ioredis';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import { MinuteCounts } from './minute-counts';
import { runTrackScript, SCRIPT_CHUNK } from './run-track-script';
import { TrackingBacklog } from './tracking-backlog';
import { type OpReply, pairedDuration, type TrackingOp, toTrackingOp } from './tracking-op';

export interface AttemptTrackerOptions {
  redis: Redis;
  keyPrefix: string;
  attemptTtlSeconds: number;
  paymentTokenWaitSeconds: number;
  backlogCapacity: number;
  metrics: CollectorMetrics;
  logger: Logger;
  now?: () => number;
  /** How often the paid-without-token gauge and Redis health are refreshed (default 1 s). */
  refreshIntervalMs?: number;
}

interface PendingTrack {
  ops: TrackingOp[];
  resolve: (counted: boolean[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Script calls in flight at once. Batches arriving meanwhile wait and share the next call, so under load
 * calls grow rather than multiply (Redis time per event falls with call size), and Redis always has the
 * next call queued.
 */
const MAX_FLUSHES_IN_FLIGHT = 2;

/** Backlog operations replayed per round trip. */
const REPLAY_ROUND = 10 * SCRIPT_CHUNK;

/**
 * Correlates the stages of vend attempts in Redis: dedupes replays, pairs payments with tokens,
 * keeps per-minute token and failure counts and the set of payments still waiting for a token.
 * While Redis is away it fails open (every event counts), holds the tracking operations in a bounded
 * backlog and replays them when Redis returns.
 */
export class AttemptTracker {
  private readonly redis: Redis;
  private readonly backlog: TrackingBacklog;
  private readonly now: () => number;
  private readonly awaitingKey: string;
  private healthy = false;
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private paymentsWithoutToken: number | undefined;
  private pending: PendingTrack[] = [];
  private flushesInFlight = 0;
  private readonly minutes: MinuteCounts;

  constructor(private readonly options: AttemptTrackerOptions) {
    this.redis = options.redis;
    this.backlog = new TrackingBacklog(options.backlogCapacity);
    this.now = options.now ?? Date.now;
    this.awaitingKey = `${options.keyPrefix}:awaiting-token`;
    this.minutes = new MinuteCounts(options.keyPrefix);
    this.healthy = this.redis.status === 'ready';
    this.redis.on('ready', () => {
      this.healthy = true;
      this.publishHealth();
      void this.drain();
    });
    this.redis.on('close', () => {
      this.healthy = false;
      this.publishHealth();
    });
  }

  /** Ready when Redis answers; while not, ingest still counts events but cannot dedupe them. */
  isReady(): boolean {
    return this.healthy && this.redis.status === 'ready';
  }

  get backlogSize(): number {
    return this.backlog.size;
  }

  /** Last value of the global paid-without-token count (undefined before Redis first answered). */
  get lastPaymentsWithoutToken(): number | undefined {
    return this.paymentsWithoutToken;
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs ?? 1000);
    this.timer.unref();
    void this.refresh();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.backlog.size > 0 && this.isReady()) await this.drain();
    // Last flush of the per-minute counts (and a final gauge reading).
    if (this.isReady()) await this.refresh();
    if (this.backlog.size > 0) {
      this.options.logger.error(
        { backlog: this.backlog.size },
        'stopping with tracking operations not replayed',
      );
    }
  }

  /**
   * Tracks a batch; answers, per event, whether it is new (true) or a replay (false). Batches arriving
   * in the same turn of the event loop, or while MAX_FLUSHES_IN_FLIGHT calls are running, share the next
   * script call (one per SCRIPT_CHUNK events), so Redis sees fewer, larger calls as load grows. Throws
   * UNAVAILABLE (→ 503, the sender retries) only when Redis is away and the backlog cannot take the whole
   * batch, so nothing accepted is ever dropped.
   */
  track(events: readonly VendEvent[]): Promise<boolean[]> {
    const now = this.now();
    const ops = events.map((event) => toTrackingOp(event, now));
    if (this.backlog.size > 0 || !this.isReady()) {
      try {
        this.buffer(ops, false);
      } catch (error) {
        return Promise.reject(error);
      }
      if (this.isReady()) void this.drain();
      return Promise.resolve(ops.map(() => true));
    }
    return new Promise<boolean[]>((resolve, reject) => {
      this.pending.push({ ops, resolve, reject });
      if (this.pending.length === 1 && this.flushesInFlight < MAX_FLUSHES_IN_FLIGHT) {
        setImmediate(() => void this.flushPending());
      }
    });
  }

  private async flushPending(): Promise<void> {
    // Nothing left, or the limit is reached: a flush in flight picks the batches up when it ends.
    if (this.pending.length === 0 || this.flushesInFlight >= MAX_FLUSHES_IN_FLIGHT) return;
    this.flushesInFlight += 1;
    try {
      await this.flushWaiting();
    } finally {
      this.flushesInFlight -= 1;
      if (this.pending.length > 0) setImmediate(() => void this.flushPending());
    }
  }

  private async flushWaiting(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    const ops =
      waiting.length === 1 ? (waiting[0] as PendingTrack).ops : waiting.flatMap((entry) => entry.ops);
    let counted: boolean[];
    try {
      counted = await this.trackNow(ops);
    } catch (error) {
      for (const entry of waiting) entry.reject(error);
      return;
    }
    let offset = 0;
    for (const entry of waiting) {
      entry.resolve(counted.slice(offset, offset + entry.ops.length));
      offset += entry.ops.length;
    }
  }

  private async trackNow(ops: TrackingOp[]): Promise<boolean[]> {
    const counted: boolean[] = new Array(ops.length).fill(true);
    if (this.backlog.size > 0 || !this.isReady()) {
      this.buffer(ops, false);
      return counted;
    }
    let replies: Array<OpReply[] | Error>;
    try {
      replies = await this.execute(ops);
    } catch (error) {
      this.markUnhealthy(error);
      this.buffer(ops, false);
      return counted;
    }
    const failed: TrackingOp[] = [];
    for (const [chunkIndex, reply] of replies.entries()) {
      const start = chunkIndex * SCRIPT_CHUNK;
      const chunk = ops.slice(start, start + SCRIPT_CHUNK);
      if (reply instanceof Error) {
        this.markUnhealthy(reply);
        failed.push(...chunk);
        continue;
      }
      for (const [offset, op] of chunk.entries()) {
        counted[start + offset] = reply[offset] !== 0;
        this.recordReply(op, reply[offset] as OpReply);
      }
    }
    // Nothing stored: the batch may be refused (503) like any batch arriving while Redis is away. Part of
    // it stored: the rest must be kept even beyond the soft capacity, or it would be half counted.
    if (failed.length > 0) this.buffer(failed, failed.length < ops.length);
    return counted;
  }

  /** Replays the backlog into Redis, oldest first; stops at the first failure and resumes later. */
  drain(): Promise<void> {
    if (this.draining === undefined) {
      this.draining = this.replayBacklog().finally(() => {
        this.draining = undefined;
        this.options.metrics.setBacklogEvents(this.backlog.size);
      });
    }
    return this.draining;
  }

  /** Refreshes the paid-without-token gauge and Redis health from Redis (runs on an interval). */
  async refresh(): Promise<void> {
    const now = this.now();
    const pipeline = this.redis
      .pipeline()
      .zremrangebyscore(this.awaitingKey, '-inf', now - this.options.attemptTtlSeconds * 1000)
      .zcount(this.awaitingKey, '-inf', now - this.options.paymentTokenWaitSeconds * 1000);
    const restoreMinutes = this.minutes.drainInto(pipeline);
    try {
      const replies = await pipeline.exec();
      const failure = replies?.find(([error]) => error !== null)?.[0];
      if (replies === null || failure) throw failure ?? new Error('pipeline discarded');
      this.paymentsWithoutToken = Number(replies[1]?.[1]);
      this.options.metrics.setPaymentsWithoutToken(this.paymentsWithoutToken);
      this.healthy = this.redis.status === 'ready';
    } catch (error) {
      restoreMinutes();
      this.markUnhealthy(error);
    }
    this.publishHealth();
    if (this.backlog.size > 0 && this.isReady()) void this.drain();
  }

  private async replayBacklog(): Promise<void> {
    while (this.backlog.size > 0 && this.redis.status === 'ready') {
      const ops = this.backlog.peek(REPLAY_ROUND);
      let replies: Array<OpReply[] | Error>;
      try {
        replies = await this.execute(ops);
      } catch (error) {
        this.markUnhealthy(error);
        return;
      }
      let stored = 0;
      for (const [chunkIndex, reply] of replies.entries()) {
        if (reply instanceof Error) break;
        const start = chunkIndex * SCRIPT_CHUNK;
        for (const [offset, op] of ops.slice(start, start + SCRIPT_CHUNK).entries()) {
          this.recordReply(op, reply[offset] as OpReply);
        }
        stored = Math.min(ops.length, start + SCRIPT_CHUNK);
      }
      this.backlog.remove(stored);
      this.options.metrics.replayed(stored);
      if (stored < ops.length) {
        this.markUnhealthy(replies.find((reply) => reply instanceof Error));
        return;
      }
      this.options.logger.info({ replayed: stored, left: this.backlog.size }, 'tracking backlog replayed');
    }
  }

  private execute(ops: readonly TrackingOp[]): Promise<Array<OpReply[] | Error>> {
    return runTrackScript(this.redis, this.options.keyPrefix, this.options.attemptTtlSeconds, ops);
  }

  /** What a stored op's reply means beyond dedupe: its minute counts and a completed pair. */
  private recordReply(op: TrackingOp, reply: OpReply): void {
    if (reply === 0) return;
    this.minutes.add(op);
    const pair = pairedDuration(op, reply);
    if (pair !== undefined) this.options.metrics.observePaymentToToken(pair.channel, pair.seconds);
  }

  private buffer(ops: readonly TrackingOp[], force: boolean): void {
    if (!this.backlog.offer(ops, force)) {
      this.options.metrics.setBacklogEvents(this.backlog.size);
      throw new StimaError(
        'UNAVAILABLE',
        'Redis is unreachable and the tracking backlog is full; retry later',
        { reason: 'backlog_full', backlog: this.backlog.size },
      );
    }
    this.options.metrics.setBacklogEvents(this.backlog.size);
  }

  private markUnhealthy(error: unknown): void {
    if (this.healthy) {
      this.options.logger.warn({ err: (error as Error | undefined)?.message }, 'redis command failed');
    }
    this.healthy = false;
    this.publishHealth();
  }

  private publishHealth(): void {
    this.options.metrics.setRedisUp(this.isReady());
    this.options.metrics.setBacklogEvents(this.backlog.size);
  }
}
