import type { NotificationPurpose } from '../delivery/notification';
import { nextEscalation } from '../oncall/next-escalation';
import { getIncident, recordEscalationStep } from '../store/incident-store';
import { logQueuedNotification } from '../store/notification-store';
import type { Incident } from '../store/records';
import { addTimelineEntry } from '../store/timeline-store';
import { type EngineContext, policyFor, teamRoute } from './engine-context';
import type { CommsSilenceJob, EscalationJob } from './incident-timers';
import { buildNotifications, incidentHeadline, resolveTargets } from './paging';

export type StepResult = 'notified' | 'skipped';

/**
 * Notifies escalation step (level, repeat) of an incident's current round, then schedules the step after it.
 * Step (0, 0) is the first page. The incident is re-read first: an acknowledgement can race with a job that
 * already started, so an acknowledged, resolved or already-advanced incident makes this a no-op. Notifications
 * go out before the step is recorded; their keys make a retried job deliver nothing twice.
 */
export async function runEscalationStep(ctx: EngineContext, job: EscalationJob): Promise<StepResult> {
  const incident = await getIncident(ctx.db, job.incidentId);
  if (incident === undefined || incident.round !== job.round || incident.severity !== 'page')
    return 'skipped';
  const route = teamRoute(ctx.onCall, incident.team);
  const policy = policyFor(ctx.onCall, route);
  const now = ctx.clock();
  const step = nextEscalation(incident, policy, now);
  if (step === null || step.level !== job.level || step.repeat !== job.repeat) {
    // Already done (a retried page action, a duplicate job): make sure the following step is still scheduled.
    const isCurrent =
      incident.escalatedAt !== null &&
      incident.escalationLevel === job.level &&
      incident.escalationRepeat === job.repeat;
    if (incident.status === 'open' && isCurrent) await scheduleNextStep(ctx, incident);
    return 'skipped';
  }
  const level = policy.levels[job.level];
  if (level === undefined) return 'skipped';
  const people = resolveTargets(level.targets, ctx.onCall, now);
  const first = job.level === 0 && job.repeat === 0;
  const purpose: NotificationPurpose = first ? 'page' : 'escalation';
  const headline = incidentHeadline(incident);
  const notifications = buildNotifications(
    {
      incident,
      purpose,
      keyPrefix: `page-${incident.id}-${incident.round}-${job.level}-${job.repeat}`,
      people,
      channels: level.channels,
      team: route,
      subject: first ? `[PAGE] ${headline}` : `[ESCALATED L${job.level + 1}] ${headline}`,
      text: first
        ? `PAGE ${headline}.`
        : `ESCALATED to level ${job.level + 1}, not acknowledged: ${headline}.`,
      ackable: true,
    },
    ctx.ackLinks,
  );
  for (const notification of notifications) await ctx.delivery.enqueue(notification);
  const recorded = await ctx.db.transaction(async (tx) => {
    const updated = await recordEscalationStep(tx, {
      id: incident.id,
      round: incident.round,
      from: {
        level: incident.escalationLevel,
        repeat: incident.escalationRepeat,
        notified: incident.escalatedAt !== null,
      },
      to: { level: job.level, repeat: job.repeat },
      at: now,
    });
    if (updated === undefined) return undefined;
    for (const notification of notifications) await logQueuedNotification(tx, notification, job.level, now);
    if (!first) {
      await addTimelineEntry(tx, {
        incidentId: incident.id,
        at: now,
        kind: 'escalated',
        actor: 'escalation',
        detail: { level: job.level, repeat: job.repeat, recipients: people.map((p) => p.id) },
      });
    }
    return updated;
  });
  if (recorded === undefined) return 'skipped';
  ctx.logger.info(
    { incidentId: incident.id, level: job.level, repeat: job.repeat, notifications: notifications.length },
    first ? 'paged' : 'escalated',
  );
  await scheduleNextStep(ctx, recorded);
  return 'notified';
}

async function scheduleNextStep(ctx: EngineContext, incident: Incident): Promise<void> {
  const policy = policyFor(ctx.onCall, teamRoute(ctx.onCall, incident.team));
  const next = nextEscalation(incident, policy, ctx.clock());
  if (next === null) return;
  await ctx.timers.scheduleEscalation(
    { incidentId: incident.id, round: incident.round, level: next.level, repeat: next.repeat },
    next.delayMs,
  );
}

/**
 * The public-silence timer fired: unless a statement was recorded or the incident resolved meanwhile, nudge the
 * comms rotation (stage 1) or tell management (stage 2) through their teams' first escalation level.
 */
export async function runCommsNudge(ctx: EngineContext, job: CommsSilenceJob): Promise<StepResult> {
  const incident = await getIncident(ctx.db, job.incidentId);
  if (
    incident === undefined ||
    incident.round !== job.round ||
    incident.status === 'resolved' ||
    incident.firstStatementAt !== null
  ) {
    return 'skipped';
  }
  const now = ctx.clock();
  const route = teamRoute(ctx.onCall, job.stage === 1 ? 'comms' : 'management');
  const level = policyFor(ctx.onCall, route).levels[0];
  if (level === undefined) return 'skipped';
  const people = resolveTargets(level.targets, ctx.onCall, now);
  const minutes = Math.round((ctx.settings.commsSilenceMs * job.stage) / 60_000);
  const notifications = buildNotifications(
    {
      incident,
      purpose: 'comms_nudge',
      keyPrefix: `nudge-${incident.id}-${incident.round}-${job.stage}`,
      people,
      channels: level.channels,
      team: route,
      subject: `[NO STATEMENT ${minutes} min] #${incident.ref} ${incident.title}`,
      text:
        `No public statement ${minutes} min into customer-facing incident #${incident.ref} (${incident.title}). ` +
        `Publish one: ${ctx.settings.publicBaseUrl}/`,
      ackable: false,
    },
    ctx.ackLinks,
  );
  for (const notification of notifications) await ctx.delivery.enqueue(notification);
  await ctx.db.transaction(async (tx) => {
    for (const notification of notifications) await logQueuedNotification(tx, notification, null, now);
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      at: now,
      kind: 'comms_nudged',
      actor: 'comms-silence',
      detail: { stage: job.stage, team: route.team, recipients: people.map((p) => p.id) },
    });
  });
  ctx.logger.info({ incidentId: incident.id, stage: job.stage }, 'comms nudged: no public statement yet');
  return 'notified';
}
