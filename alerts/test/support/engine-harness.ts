import { createLogger } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import { Registry } from 'prom-client';
import { createAckLinks } from '../../src/ack-link';
import type { EngineContext } from '../../src/incidents/engine-context';
import { createIncidentEngine, type IncidentEngine } from '../../src/incidents/incident-engine';
import {
  type CommsSilenceJob,
  commsSilenceJobId,
  type EscalationJob,
  escalationJobId,
  type IncidentTimers,
} from '../../src/incidents/incident-timers';
import { createAlertsMetrics } from '../../src/metrics';
import { listHeartbeats } from '../../src/store/alert-event-store';
import { openIncidentStats } from '../../src/store/incident-store';
import { testOnCall } from './oncall-fixture';
import { type RecordingDelivery, recordingDelivery } from './recording-delivery';

export const ACK_SECRET = 'test-ack-link-secret-0123456789abcdef';

type Scheduled =
  | { kind: 'escalation'; job: EscalationJob; dueAt: number }
  | { kind: 'comms'; job: CommsSilenceJob; dueAt: number };

/** In-memory timers on a fake clock, for unit tests of the engine (integration tests use BullMQ). */
export class FakeTimers implements IncidentTimers {
  readonly pending = new Map<string, Scheduled>();
  constructor(private readonly now: () => number) {}
  async scheduleEscalation(job: EscalationJob, delayMs: number) {
    const id = escalationJobId(job);
    if (!this.pending.has(id)) this.pending.set(id, { kind: 'escalation', job, dueAt: this.now() + delayMs });
  }
  async cancelEscalation(job: EscalationJob) {
    return this.pending.delete(escalationJobId(job));
  }
  async scheduleCommsNudge(job: CommsSilenceJob, delayMs: number) {
    const id = commsSilenceJobId(job);
    if (!this.pending.has(id)) this.pending.set(id, { kind: 'comms', job, dueAt: this.now() + delayMs });
  }
  async cancelCommsNudge(job: CommsSilenceJob) {
    return this.pending.delete(commsSilenceJobId(job));
  }
  /** Pending ids, soonest first, with their due time in ms relative to `from`. */
  list(from: number): [string, number][] {
    return [...this.pending.entries()]
      .sort((a, b) => a[1].dueAt - b[1].dueAt)
      .map(([id, s]) => [id, s.dueAt - from]);
  }
}

export interface EngineHarness {
  engine: IncidentEngine;
  ctx: EngineContext;
  delivery: RecordingDelivery;
  timers: FakeTimers;
  registry: Registry;
  /** Moves the fake clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** Runs every fake timer due at the current time, as the BullMQ workers would. */
  runDueTimers(): Promise<string[]>;
}

export function createEngineHarness(
  db: SqlClient,
  options: {
    start?: Date;
    commsSilenceMs?: number;
    reopenWindowMs?: number;
    correlationWindowMs?: number;
  } = {},
): EngineHarness {
  let now = (options.start ?? new Date('2026-05-04T19:00:00Z')).getTime();
  const clock = () => new Date(now);
  const delivery = recordingDelivery();
  const timers = new FakeTimers(() => now);
  const registry = new Registry();
  const logger = createLogger('alerts-test', 'silent');
  const metrics = createAlertsMetrics(
    registry,
    { incidentStats: () => openIncidentStats(db, clock()), heartbeats: () => listHeartbeats(db) },
    logger,
  );
  let ids = 0;
  const ctx: EngineContext = {
    db,
    onCall: testOnCall(5),
    delivery,
    timers,
    ackLinks: createAckLinks({
      secret: ACK_SECRET,
      ttlMs: 86_400_000,
      publicBaseUrl: 'http://alerts.test',
      clock,
    }),
    metrics,
    logger,
    clock,
    newId: () => `incident-${process.pid}-${++ids}-${Math.random().toString(36).slice(2, 8)}`,
    settings: {
      commsSilenceMs: options.commsSilenceMs ?? 15 * 60_000,
      reopenWindowMs: options.reopenWindowMs ?? 30 * 60_000,
      correlationWindowMs: options.correlationWindowMs ?? 0,
      publicBaseUrl: 'http://alerts.test',
    },
  };
  const engine = createIncidentEngine(ctx);
  return {
    engine,
    ctx,
    delivery,
    timers,
    registry,
    advance(ms) {
      now += ms;
    },
    now: clock,
    async runDueTimers() {
      const ran: string[] = [];
      for (const [id, scheduled] of [...timers.pending.entries()].sort((a, b) => a[1].dueAt - b[1].dueAt)) {
        if (scheduled.dueAt > now) continue;
        timers.pending.delete(id);
        const result =
          scheduled.kind === 'escalation'
            ? await engine.onEscalationJob(scheduled.job)
            : await engine.onCommsSilenceJob(scheduled.job);
        ran.push(`${id}:${result}`);
      }
      return ran;
    },
  };
}
