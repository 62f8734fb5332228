import type { Logger } from '@stimawatch/core';
import type { Clock } from '../clock';
import { purchasesPerMinute } from '../model/daily-curve';
import type { ModelContext } from '../model/planned-step';
import { createIdentityMint } from '../model/purchase-identity';
import { planPurchase } from '../model/purchase-plan';
import { planBacklogToken, planVending } from '../model/vending-plan';
import { createRandom } from '../random/seeded-random';
import {
  DEFAULT_OUTAGE_DURATIONS,
  effectsAt,
  type OutageDurations,
  type PhaseName,
  phaseAt,
  type ScenarioEffects,
  type ScenarioName,
  type ScenarioRun,
  scenarioElapsedMs,
} from '../scenario/scenario';
import { createBacklog } from './backlog';
import type { CollectorClient } from './collector-client';
import { DeliveryQueue } from './delivery-queue';
import { createDeliveryReporter } from './delivery-reporter';

export interface TrafficGeneratorOptions {
  client: CollectorClient;
  clock: Clock;
  logger: Logger;
  seed?: number | string;
  /** SIM_SCALE: 1 = the real utility (~650 purchases/min on average), 0.1 by default. */
  scale?: number;
  /** SIM_TIME_SCALE: how much faster than wall time scenario phases run (1 by default). */
  timeScale?: number;
  /** Steps and events held before the generator stops starting new purchases (back-pressure, never drops). */
  maxBuffered?: number;
  /** Vend events go out as one NDJSON batch per interval. */
  batchIntervalMs?: number;
  maxBatchEvents?: number;
  /** Daraja callbacks sent concurrently per tick. */
  maxConcurrent?: number;
  /** After a stall (laptop asleep), arrivals are generated for at most this much missed time. */
  maxCatchUpMs?: number;
  /** Waits between shutdown retries; injectable so nothing in tests sleeps. */
  wait?: (ms: number) => Promise<void>;
}

export interface ScenarioRequest {
  name: ScenarioName;
  durations?: Partial<OutageDurations>;
  timeScale?: number;
}

export interface ScenarioStatus {
  runId: number;
  name: ScenarioName;
  phase: PhaseName;
  phaseProgress: number;
  startedAt: string;
  elapsedScenarioMs: number;
  timeScale: number;
  durations: OutageDurations;
  backlog: number;
}

export interface GeneratorStats {
  purchases: number;
  suppressedPurchases: number;
  darajaSent: number;
  vendEventsSent: number;
  vendBatchesSent: number;
  retries: number;
  rejectedByCollector: number;
  buffered: number;
  backlog: number;
}

export interface TrafficGenerator {
  /** One step at the clock's current time: new purchases, backlog drain, due requests sent (awaited). */
  tick(): Promise<void>;
  setScenario(request: ScenarioRequest): ScenarioStatus;
  scenarioStatus(): ScenarioStatus;
  effectsNow(): ScenarioEffects;
  stats(): GeneratorStats;
  /** Stops new purchases and delivers everything held, until empty or the deadline; returns what is left. */
  drain(deadlineMs: number): Promise<number>;
}

export function createTrafficGenerator(options: TrafficGeneratorOptions): TrafficGenerator {
  const { client, clock, logger } = options;
  const scale = options.scale ?? 0.1;
  const defaultTimeScale = options.timeScale ?? 1;
  const maxBuffered = options.maxBuffered ?? 100_000;
  const batchIntervalMs = options.batchIntervalMs ?? 1_000;
  const maxBatchEvents = options.maxBatchEvents ?? 1_000;
  const maxConcurrent = options.maxConcurrent ?? 32;
  const maxCatchUpMs = options.maxCatchUpMs ?? 5_000;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const random = createRandom(options.seed ?? 'stima-watch');
  const arrivals = random.fork('arrivals');
  const queue = new DeliveryQueue();
  const backlog = createBacklog();
  const stats = { purchases: 0, suppressedPurchases: 0 };
  const reporter = createDeliveryReporter({ queue, random: random.fork('backoff'), logger });

  const start = clock.now();
  let run: ScenarioRun = {
    runId: 0,
    name: 'normal',
    startedAtMs: start,
    timeScale: defaultTimeScale,
    durations: DEFAULT_OUTAGE_DURATIONS,
  };
  let lastTickMs = start;
  let lastBatchMs = Number.NEGATIVE_INFINITY;
  let lastPhase: PhaseName = 'normal';
  let accepting = true;

  const ctx: ModelContext = {
    random: random.fork('model'),
    mint: createIdentityMint(random.fork('ids')),
    effectsAt: (ms) => effectsAt(run, ms),
  };

  function startPurchases(from: number, to: number): void {
    if (!accepting || to <= from) return;
    const mid = (from + to) / 2;
    const rate = purchasesPerMinute(mid, scale) * effectsAt(run, mid).purchaseRateFactor;
    const count = arrivals.poisson((rate * (to - from)) / 60_000);
    const times = Array.from({ length: count }, () => from + arrivals.next() * (to - from)).sort(
      (a, b) => a - b,
    );
    for (const at of times) {
      if (queue.size >= maxBuffered) {
        stats.suppressedPurchases++;
        continue;
      }
      stats.purchases++;
      for (const step of planPurchase(ctx, at).steps) queue.schedule(step);
    }
  }

  /** Releases due requests; payments reaching the vending platform are planned now (the outage may have begun). */
  function release(now: number): void {
    for (let handovers = queue.release(now); handovers.length > 0; handovers = queue.release(now)) {
      for (const paid of handovers) {
        const vending = planVending(ctx, paid);
        for (const step of vending.steps) queue.schedule(step);
        if (vending.stuck) backlog.add(vending.stuck);
      }
    }
  }

  function drainBacklog(now: number, dtMs: number): void {
    if (!effectsAt(run, now).drainBacklog || backlog.size === 0) return;
    for (const stuck of backlog.drain(dtMs * run.timeScale, run.durations.drainMs)) {
      for (const step of planBacklogToken(ctx, stuck, now)) queue.schedule(step);
    }
  }

  async function send(now: number, anyBatchTime = false): Promise<void> {
    release(now);
    const sends = queue
      .takeDaraja(now, maxConcurrent)
      .map((delivery) => reporter.sendDaraja(client, delivery, now));
    if (anyBatchTime || now - lastBatchMs >= batchIntervalMs) {
      const batch = queue.takeVendBatch(now, maxBatchEvents);
      if (batch) {
        lastBatchMs = now;
        sends.push(reporter.sendVendBatch(client, batch, now));
      }
    }
    await Promise.all(sends);
  }

  function status(): ScenarioStatus {
    const now = clock.now();
    const { phase, progress } = phaseAt(run, now);
    return {
      runId: run.runId,
      name: run.name,
      phase,
      phaseProgress: progress,
      startedAt: new Date(run.startedAtMs).toISOString(),
      elapsedScenarioMs: scenarioElapsedMs(run, now),
      timeScale: run.timeScale,
      durations: run.durations,
      backlog: backlog.size,
    };
  }

  return {
    async tick() {
      const now = clock.now();
      const dt = Math.max(0, now - lastTickMs);
      startPurchases(Math.max(lastTickMs, now - maxCatchUpMs), now);
      drainBacklog(now, Math.min(dt, maxCatchUpMs));
      lastTickMs = now;
      const phase = phaseAt(run, now).phase;
      if (phase !== lastPhase) {
        logger.info({ runId: run.runId, scenario: run.name, phase, backlog: backlog.size }, 'scenario phase');
        lastPhase = phase;
      }
      await send(now);
    },
    setScenario(request) {
      run = {
        runId: run.runId + 1,
        name: request.name,
        startedAtMs: clock.now(),
        timeScale: request.timeScale ?? defaultTimeScale,
        durations: { ...DEFAULT_OUTAGE_DURATIONS, ...request.durations },
      };
      if (request.name === 'outage') backlog.resetRate();
      logger.info({ runId: run.runId, scenario: run.name, timeScale: run.timeScale }, 'scenario started');
      return status();
    },
    scenarioStatus: status,
    effectsNow: () => effectsAt(run, clock.now()),
    stats: () => ({
      ...stats,
      ...reporter.counts(),
      buffered: queue.size,
      backlog: backlog.size,
    }),
    async drain(deadlineMs) {
      // Hand everything already produced to the outboxes now, future times included, so nothing is left behind.
      accepting = false;
      release(Number.POSITIVE_INFINITY);
      while (queue.size > 0 && clock.now() < deadlineMs) {
        await send(clock.now(), true);
        if (queue.size > 0) await wait(100);
      }
      if (queue.size > 0)
        logger.error({ left: queue.size }, 'shutdown deadline reached with undelivered requests');
      return queue.size;
    },
  };
}
