import { type AlertmanagerPayload, StimaError } from '@stimawatch/core';
import type { DeliveryOutcome } from '../delivery/notification';
import { type RecordResult, recordAlertEventBatch } from '../store/alert-event-store';
import type { Incident, Statement } from '../store/records';
import { coalesce } from './coalesce';
import type { EngineContext } from './engine-context';
import { runCommsNudge, runEscalationStep, type StepResult } from './escalation-runner';
import { groupCommit } from './group-commit';
import {
  acknowledge,
  type CommandResult,
  publishStatement,
  recordDeliveryOutcome,
  resolve,
  type StatementInput,
} from './incident-commands';
import type { CommsSilenceJob, EscalationJob } from './incident-timers';
import type { Via } from './incident-transitions';
import { createOutboxRunner } from './outbox-runner';
import { processPendingEvents } from './process-alert-events';

export interface IncidentEngine {
  /**
   * Records a webhook notification durably, then applies it and queues its side effects. Throws UNAVAILABLE
   * when the alerts could not be recorded, or were recorded but their pages and timers could not be queued
   * (Redis down): either way Alertmanager should retry, and the retry is deduplicated.
   */
  ingest(payload: AlertmanagerPayload): Promise<RecordResult>;
  /** Applies unprocessed events and retries pending side effects (at start-up and periodically). */
  catchUp(): Promise<void>;
  acknowledge(idOrRef: string, actor: string, via: Via): Promise<CommandResult>;
  resolve(idOrRef: string, actor: string, via: Via): Promise<CommandResult>;
  publishStatement(input: StatementInput): Promise<{ statement: Statement; silenced: Incident[] }>;
  onEscalationJob(job: EscalationJob): Promise<StepResult>;
  onCommsSilenceJob(job: CommsSilenceJob): Promise<StepResult>;
  onDeliveryOutcome(outcome: DeliveryOutcome): Promise<void>;
}

export function createIncidentEngine(ctx: EngineContext): IncidentEngine {
  const outbox = createOutboxRunner(ctx);
  const record = groupCommit((notifications: AlertmanagerPayload[]) =>
    ctx.db.transaction((tx) => recordAlertEventBatch(tx, notifications, ctx.clock())),
  );

  // Set when applying or queueing failed: a duplicate notification (Alertmanager's retry) then retries the work.
  let backlogSuspected = true;
  const applyAndQueue = coalesce(async (): Promise<void> => {
    try {
      await processPendingEvents(ctx);
      const drained = await outbox.drain();
      if (drained.failed > 0) {
        throw new StimaError(
          'UNAVAILABLE',
          `${drained.failed} page or timer action(s) could not be queued yet (is Redis up?); they stay pending`,
          { failed: drained.failed },
        );
      }
      backlogSuspected = false;
    } catch (error) {
      backlogSuspected = true;
      throw error;
    }
  });

  // Acknowledgements and statements are recorded once committed; a failed timer cancellation is retried later and
  // the timer's handler re-checks the incident anyway, so it must not turn a recorded command into an error.
  async function drainQuietly(): Promise<void> {
    try {
      await outbox.drain();
    } catch (error) {
      ctx.logger.warn({ err: error }, 'side effects pending after a command; retrying later');
    }
  }

  return {
    async ingest(payload) {
      let recorded: RecordResult;
      try {
        recorded = await record(payload);
      } catch (cause) {
        throw new StimaError('UNAVAILABLE', 'could not record the alerts; retry later', {}, cause);
      }
      if (recorded.inserted === 0 && !backlogSuspected) return recorded;
      try {
        await applyAndQueue();
      } catch (cause) {
        if (cause instanceof StimaError) throw cause;
        throw new StimaError('UNAVAILABLE', 'alerts recorded but not yet applied; retry later', {}, cause);
      }
      return recorded;
    },
    catchUp: applyAndQueue,
    async acknowledge(idOrRef, actor, via) {
      const result = await acknowledge(ctx, idOrRef, actor, via);
      if (result.changed) await drainQuietly();
      return result;
    },
    async resolve(idOrRef, actor, via) {
      const result = await resolve(ctx, idOrRef, actor, via);
      if (result.changed) await drainQuietly();
      return result;
    },
    async publishStatement(input) {
      const result = await publishStatement(ctx, input);
      if (result.silenced.length > 0) await drainQuietly();
      return result;
    },
    onEscalationJob: (job) => runEscalationStep(ctx, job),
    onCommsSilenceJob: (job) => runCommsNudge(ctx, job),
    onDeliveryOutcome: (outcome) => recordDeliveryOutcome(ctx, outcome),
  };
}
