import { StimaError } from '@stimawatch/core';
import type { DeliveryOutcome } from '../delivery/notification';
import { getIncident, listUnresolvedCustomerFacing, markFirstStatement } from '../store/incident-store';
import { recordNotificationOutcome } from '../store/notification-store';
import { addOutboxAction } from '../store/outbox-store';
import type { Incident, Statement, StatementSource, StatusPageState } from '../store/records';
import { findStatementByText, insertStatement } from '../store/statement-store';
import { addTimelineEntry } from '../store/timeline-store';
import { type EngineContext, episodeSeconds } from './engine-context';
import { acknowledgeInTx, resolveInTx, type Via } from './incident-transitions';

export interface CommandResult {
  incident: Incident;
  /** False when the incident was already in the requested state (the command is idempotent). */
  changed: boolean;
}

type Transition = typeof acknowledgeInTx;

async function transition(
  ctx: EngineContext,
  idOrRef: string,
  target: 'acknowledged' | 'resolved',
  apply: Transition,
  actor: string,
  via: Via,
): Promise<CommandResult> {
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx): Promise<CommandResult> => {
    const incident = await getIncident(tx, idOrRef);
    if (incident === undefined)
      throw new StimaError('NOT_FOUND', `no incident ${idOrRef}`, { incident: idOrRef });
    if (incident.status === target) return { incident, changed: false };
    if (incident.status === 'resolved') {
      throw new StimaError('CONFLICT', `incident #${incident.ref} is already resolved`, {
        incidentId: incident.id,
      });
    }
    const changed = await apply(tx, incident, actor, via, now);
    if (changed === undefined)
      throw new StimaError('CONFLICT', `incident #${incident.ref} changed meanwhile; retry`);
    return { incident: changed, changed: true };
  });
  if (result.changed) {
    const seconds = episodeSeconds(result.incident, now);
    if (target === 'acknowledged') ctx.metrics.observeTimeToAck(seconds);
    else ctx.metrics.observeTimeToResolve(seconds);
    ctx.logger.info({ incidentId: result.incident.id, ref: result.incident.ref, via }, `incident ${target}`);
  }
  return result;
}

/** Stops escalation: pending timers are removed, and a timer already running sees the acknowledgement. */
export function acknowledge(
  ctx: EngineContext,
  idOrRef: string,
  actor: string,
  via: Via,
): Promise<CommandResult> {
  return transition(ctx, idOrRef, 'acknowledged', acknowledgeInTx, actor, via);
}

/** Closes the incident and cancels its escalation and public-silence timers. */
export function resolve(
  ctx: EngineContext,
  idOrRef: string,
  actor: string,
  via: Via,
): Promise<CommandResult> {
  return transition(ctx, idOrRef, 'resolved', resolveInTx, actor, via);
}

export interface StatementInput {
  text: string;
  lang: string;
  /** Id or ref; without it the statement covers every unresolved customer-facing incident. */
  incidentId?: string;
  state: StatusPageState;
  source: StatementSource;
  author: string;
}

const ECHO_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Records a public statement. It ends the public silence of the incident it names (or of every unresolved
 * customer-facing incident): first statement time, timeline entry, comms timers cancelled.
 */
export async function publishStatement(
  ctx: EngineContext,
  input: StatementInput,
): Promise<{ statement: Statement; silenced: Incident[] }> {
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    if (input.source === 'official_account') {
      // The console posts statements to X; the official-account watcher then reads the same post back.
      const echo = await findStatementByText(tx, input.text, new Date(now.getTime() - ECHO_WINDOW_MS));
      if (echo !== undefined) return { statement: echo, silenced: [] };
    }
    let covered: Incident[];
    if (input.incidentId !== undefined) {
      const incident = await getIncident(tx, input.incidentId);
      if (incident === undefined) {
        throw new StimaError('NOT_FOUND', `no incident ${input.incidentId}`, { incident: input.incidentId });
      }
      covered = [incident];
    } else {
      covered = await listUnresolvedCustomerFacing(tx);
    }
    const statement = await insertStatement(tx, {
      id: ctx.newId(),
      incidentId: input.incidentId === undefined ? null : (covered[0]?.id ?? null),
      text: input.text,
      lang: input.lang,
      source: input.source,
      author: input.author,
      publishedAt: now,
      statusPageState: input.state,
    });
    const silenced = await markFirstStatement(
      tx,
      covered.map((incident) => incident.id),
      now,
    );
    for (const incident of covered) {
      const first = silenced.some((s) => s.id === incident.id);
      await addTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        kind: 'statement_published',
        actor: input.author,
        detail: { statementId: statement.id, source: input.source, state: input.state, first },
      });
      if (first)
        await addOutboxAction(tx, incident.id, { kind: 'cancel_comms_timer', round: incident.round }, now);
    }
    return { statement, silenced };
  });
  for (const incident of result.silenced) {
    ctx.metrics.observeTimeToFirstStatement(episodeSeconds(incident, now));
  }
  ctx.logger.info(
    { statementId: result.statement.id, source: input.source, silenced: result.silenced.length },
    'statement recorded',
  );
  return result;
}

/** Delivery reports back: the notification log and the incident timeline show what reached whom. */
export async function recordDeliveryOutcome(ctx: EngineContext, outcome: DeliveryOutcome): Promise<void> {
  const { notification } = outcome;
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const incident = await getIncident(tx, notification.incidentId);
    if (incident === undefined) return;
    const recorded = await recordNotificationOutcome(
      tx,
      notification,
      {
        status: outcome.status,
        attempts: outcome.attempts,
        reason: outcome.status === 'failed' ? outcome.reason : null,
      },
      now,
    );
    if (!recorded) return;
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      kind: outcome.status === 'delivered' ? 'notified' : 'notification_failed',
      actor: 'delivery',
      detail: {
        channel: notification.channel,
        recipient: notification.recipient,
        purpose: notification.purpose,
        attempts: outcome.attempts,
        ...(outcome.status === 'failed' && { reason: outcome.reason, permanent: outcome.permanent }),
      },
    });
  });
}
