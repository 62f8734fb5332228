import type { VendEventInput } from '@stimawatch/core';
import type { DarajaRoute, PaidAttempt, PlannedStep } from '../model/planned-step';
import { MinHeap } from './min-heap';

type ScheduledStep = PlannedStep & { seq: number };

export interface DarajaDelivery {
  id: number;
  attemptId: string;
  route: DarajaRoute;
  body: unknown;
  attempts: number;
  notBefore: number;
  inFlight: boolean;
}

export interface VendBatch {
  events: VendEventInput[];
  attempts: number;
}

/**
 * Everything the generator has produced and not yet delivered: future steps (by time), due Daraja callbacks
 * (one request each, in order per attempt) and due vend events (sent in NDJSON batches, in order).
 * Nothing leaves except by successful delivery or a non-retryable rejection.
 */
export class DeliveryQueue {
  readonly #scheduled = new MinHeap<ScheduledStep>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  readonly #daraja = new Map<number, DarajaDelivery>();
  #vend: VendEventInput[] = [];
  #vendRetry: VendBatch | undefined;
  #vendNotBefore = 0;
  #seq = 0;

  /** Steps and events held, in any state. */
  get size(): number {
    return (
      this.#scheduled.size + this.#daraja.size + this.#vend.length + (this.#vendRetry?.events.length ?? 0)
    );
  }

  get scheduledCount(): number {
    return this.#scheduled.size;
  }

  schedule(step: PlannedStep): void {
    this.#scheduled.push({ ...step, seq: this.#seq++ });
  }

  /**
   * Moves every request due by `now` into the outboxes and returns the due hand-overs to the vending
   * platform, for the caller to plan under the scenario effects of now.
   */
  release(now: number): PaidAttempt[] {
    const handovers: PaidAttempt[] = [];
    for (let next = this.#scheduled.peek(); next && next.at <= now; next = this.#scheduled.peek()) {
      this.#scheduled.pop();
      if (next.kind === 'vending') {
        handovers.push(next.paid);
      } else if (next.kind === 'vend_event') {
        this.#vend.push(next.event);
      } else {
        const id = next.seq;
        this.#daraja.set(id, {
          id,
          attemptId: next.attemptId,
          route: next.route,
          body: next.body,
          attempts: 0,
          notBefore: 0,
          inFlight: false,
        });
      }
    }
    return handovers;
  }

  /**
   * Daraja callbacks ready to send, at most `max`: a callback waits while an earlier one of the same attempt is
   * in flight or backing off, so a confirmation never overtakes its validation.
   */
  takeDaraja(now: number, max: number): DarajaDelivery[] {
    const taken: DarajaDelivery[] = [];
    const blocked = new Set<string>();
    for (const delivery of this.#daraja.values()) {
      if (taken.length >= max) break;
      if (blocked.has(delivery.attemptId)) continue;
      blocked.add(delivery.attemptId);
      if (delivery.inFlight || delivery.notBefore > now) continue;
      delivery.inFlight = true;
      taken.push(delivery);
    }
    return taken;
  }

  darajaDelivered(delivery: DarajaDelivery): void {
    this.#daraja.delete(delivery.id);
  }

  darajaRetryAt(delivery: DarajaDelivery, notBefore: number): void {
    delivery.inFlight = false;
    delivery.attempts += 1;
    delivery.notBefore = notBefore;
  }

  /** The next NDJSON batch (a failed batch first, unchanged), or undefined when none is ready. */
  takeVendBatch(now: number, maxEvents: number): VendBatch | undefined {
    if (now < this.#vendNotBefore) return undefined;
    if (this.#vendRetry) {
      const batch = this.#vendRetry;
      this.#vendRetry = undefined;
      return batch;
    }
    if (this.#vend.length === 0) return undefined;
    const events = this.#vend.slice(0, maxEvents);
    this.#vend = this.#vend.slice(events.length);
    return { events, attempts: 0 };
  }

  vendRetryAt(batch: VendBatch, notBefore: number): void {
    this.#vendRetry = { events: batch.events, attempts: batch.attempts + 1 };
    this.#vendNotBefore = notBefore;
  }

  get pendingVendEvents(): number {
    return this.#vend.length + (this.#vendRetry?.events.length ?? 0);
  }
}
