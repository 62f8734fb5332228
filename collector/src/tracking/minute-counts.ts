import type { ChainableCommander } from 'ioredis';
import {
  MINUTE_TTL_SECONDS,
  OP_COUNTED,
  OP_IN_MINUTE,
  OP_SYSTEM_FAILURE,
  OP_TOKEN,
  opBits,
  type TrackingOp,
} from './tracking-op';

const MINUTE_MS = 60_000;

/**
 * Per-minute counts of events counted once (tokens, system failures, events in the failure ratio),
 * gathered in memory and added to Redis hashes `<prefix>:m:<minute>` on the next flush. They feed the
 * console's history across replicas; a crash loses at most one flush interval of them (Prometheus
 * counters remain the record).
 */
export class MinuteCounts {
  private pending = new Map<number, [tokens: number, failures: number, counted: number]>();

  constructor(private readonly keyPrefix: string) {}

  get size(): number {
    return this.pending.size;
  }

  add(op: TrackingOp): void {
    const bits = opBits(op);
    if ((bits & OP_IN_MINUTE) === 0) return;
    const minute = Math.floor(op[2] / MINUTE_MS);
    let counts = this.pending.get(minute);
    if (counts === undefined) {
      counts = [0, 0, 0];
      this.pending.set(minute, counts);
    }
    if (bits & OP_TOKEN) counts[0] += 1;
    if (bits & OP_SYSTEM_FAILURE) counts[1] += 1;
    if (bits & OP_COUNTED) counts[2] += 1;
  }

  /** Queues the pending counts on a pipeline and forgets them; `restore` puts them back if it fails. */
  drainInto(pipeline: ChainableCommander): () => void {
    const taken = this.pending;
    this.pending = new Map();
    for (const [minute, [tokens, failures, counted]] of taken) {
      const key = `${this.keyPrefix}:m:${minute}`;
      if (tokens > 0) pipeline.hincrby(key, 'tok', tokens);
      if (failures > 0) pipeline.hincrby(key, 'fail', failures);
      if (counted > 0) pipeline.hincrby(key, 'all', counted);
      pipeline.expire(key, MINUTE_TTL_SECONDS);
    }
    return () => {
      for (const [minute, counts] of taken) {
        const current = this.pending.get(minute) ?? [0, 0, 0];
        this.pending.set(minute, [current[0] + counts[0], current[1] + counts[1], current[2] + counts[2]]);
      }
    };
  }
}
