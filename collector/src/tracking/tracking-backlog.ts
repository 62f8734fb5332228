import type { TrackingOp } from './tracking-op';

/**
 * A bounded FIFO of tracking operations waiting for Redis. `offer` takes a whole batch or nothing, so a
 * batch is either fully kept for replay or refused (the sender gets 503 and retries): never half-dropped.
 */
export class TrackingBacklog {
  private items: TrackingOp[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** `force` keeps a batch whose other part is already stored (capacity is exceeded by one batch at most). */
  offer(ops: readonly TrackingOp[], force = false): boolean {
    if (!force && this.size + ops.length > this.capacity) return false;
    for (const op of ops) this.items.push(op);
    return true;
  }

  /** The oldest `count` operations, left in place until `remove` confirms they were stored. */
  peek(count: number): TrackingOp[] {
    return this.items.slice(this.head, this.head + count);
  }

  remove(count: number): void {
    this.head = Math.min(this.head + count, this.items.length);
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 65_536 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
