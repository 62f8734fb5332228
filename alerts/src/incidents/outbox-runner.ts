import { StimaError } from '@stimawatch/core';
import { escalationSteps } from '../oncall/next-escalation';
import { getIncident } from '../store/incident-store';
import { logQueuedNotification } from '../store/notification-store';
import {
  completeAction,
  listPendingActions,
  type PendingAction,
  recordActionFailure,
} from '../store/outbox-store';
import { type EngineContext, episodeSeconds, policyFor, teamRoute } from './engine-context';
import { runEscalationStep } from './escalation-runner';
import { buildNotifications, incidentHeadline } from './paging';

/** After this many failed attempts an action is given up (logged as an error) so it cannot block the rest. */
const MAX_ATTEMPTS = 50;

export interface DrainResult {
  done: number;
  failed: number;
}

/**
 * Carries out pending side effects (pages, tickets, timer starts and cancellations) in the order they were
 * decided. Each is idempotent, so an action repeated after a crash or a Redis outage does no harm. Failed
 * actions stay pending for the next drain; the caller decides whether that is an error (the webhook answers
 * 503 so Alertmanager retries).
 */
export function createOutboxRunner(ctx: EngineContext): { drain(): Promise<DrainResult> } {
  let queue: Promise<unknown> = Promise.resolve();

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { done: 0, failed: 0 };
    const pendingActions = await listPendingActions(ctx.db, 500);
    for (const [index, pending] of pendingActions.entries()) {
      try {
        await execute(ctx, pending);
        await completeAction(ctx.db, pending.id, ctx.clock());
        result.done += 1;
      } catch (error) {
        if (error instanceof StimaError && error.code === 'UNAVAILABLE') {
          // Redis (or delivery) is down: the rest would wait and fail the same way.
          await recordActionFailure(ctx.db, pending.id, error.message);
          result.failed += pendingActions.length - index;
          ctx.logger.warn(
            { err: error, pending: pendingActions.length - index },
            'side effects paused: backend unavailable',
          );
          break;
        }
        result.failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        if (pending.attempts + 1 >= MAX_ATTEMPTS) {
          ctx.logger.error(
            { err: error, actionId: pending.id, incidentId: pending.incidentId },
            'giving up on action',
          );
          await completeAction(ctx.db, pending.id, ctx.clock(), message);
        } else {
          ctx.logger.warn(
            { err: error, actionId: pending.id, kind: pending.action.kind },
            'action failed; will retry',
          );
          await recordActionFailure(ctx.db, pending.id, message);
        }
      }
    }
    return result;
  }

  return {
    // Drains run one after another in this process, so two webhooks never carry out the same action at once.
    drain() {
      const run = queue.then(drainOnce);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

async function execute(ctx: EngineContext, pending: PendingAction): Promise<void> {
  const { action, incidentId } = pending;
  const job = { incidentId, round: action.round };
  switch (action.kind) {
    case 'page':
      await runEscalationStep(ctx, { ...job, level: 0, repeat: 0 });
      return;
    case 'ticket':
      await sendTicket(ctx, incidentId, action.round);
      return;
    case 'start_comms_timer': {
      const incident = await getIncident(ctx.db, incidentId);
      if (incident === undefined || incident.round !== action.round) return;
      const elapsedMs = episodeSeconds(incident, ctx.clock()) * 1000;
      const silenceMs = ctx.settings.commsSilenceMs;
      await ctx.timers.scheduleCommsNudge({ ...job, stage: 1 }, Math.max(0, silenceMs - elapsedMs));
      await ctx.timers.scheduleCommsNudge({ ...job, stage: 2 }, Math.max(0, 2 * silenceMs - elapsedMs));
      return;
    }
    case 'cancel_escalation': {
      const incident = await getIncident(ctx.db, incidentId);
      if (incident === undefined) return;
      const policy = policyFor(ctx.onCall, teamRoute(ctx.onCall, incident.team));
      for (const step of escalationSteps(policy)) await ctx.timers.cancelEscalation({ ...job, ...step });
      return;
    }
    case 'cancel_comms_timer':
      await ctx.timers.cancelCommsNudge({ ...job, stage: 1 });
      await ctx.timers.cancelCommsNudge({ ...job, stage: 2 });
      return;
  }
}

/** Ticket-severity incidents go to the team's shared channels once, without paging anyone. */
async function sendTicket(ctx: EngineContext, incidentId: string, round: number): Promise<void> {
  const incident = await getIncident(ctx.db, incidentId);
  if (incident === undefined || incident.round !== round || incident.status === 'resolved') return;
  const route = teamRoute(ctx.onCall, incident.team);
  const headline = incidentHeadline(incident);
  const notifications = buildNotifications(
    {
      incident,
      purpose: 'page',
      keyPrefix: `ticket-${incident.id}-${incident.round}`,
      people: [],
      channels: ['slack', 'email'],
      team: route,
      subject: `[TICKET] ${headline}`,
      text: `TICKET ${headline}. No page: handle in working hours.`,
      ackable: true,
    },
    ctx.ackLinks,
  );
  for (const notification of notifications) await ctx.delivery.enqueue(notification);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    for (const notification of notifications) await logQueuedNotification(tx, notification, null, now);
  });
}
