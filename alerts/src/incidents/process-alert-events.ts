import { listUnprocessedEvents, markEventsProcessed } from '../store/alert-event-store';
import type { Incident } from '../store/records';
import { applyAlertEvent } from './apply-alert-event';
import { type EngineContext, episodeSeconds } from './engine-context';

const BATCH = 200;
/** One lock for all incident bookkeeping: replicas and concurrent webhooks apply events one at a time. */
const ENGINE_LOCK = 'alerts_incident_engine';

/**
 * Applies every recorded but unprocessed alert event, oldest first, each batch in one transaction. Events are
 * marked processed in the same transaction as their incident changes, so a crash in between repeats the work
 * instead of losing it. Returns how many events were applied.
 */
export async function processPendingEvents(ctx: EngineContext): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock();
    const { count, resolved } = await ctx.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ENGINE_LOCK]);
      const events = await listUnprocessedEvents(tx, BATCH);
      const resolvedNow: Incident[] = [];
      const applied: { id: number; incidentId: string | null }[] = [];
      for (const event of events) {
        const outcome = await applyAlertEvent(tx, event, {
          now,
          reopenWindowMs: ctx.settings.reopenWindowMs,
          correlationWindowMs: ctx.settings.correlationWindowMs,
          newId: ctx.newId,
        });
        if (outcome.resolved) resolvedNow.push(outcome.resolved);
        applied.push({ id: event.id, incidentId: outcome.incidentId });
      }
      await markEventsProcessed(tx, applied, now);
      return { count: events.length, resolved: resolvedNow };
    });
    for (const incident of resolved) {
      ctx.metrics.observeTimeToResolve(episodeSeconds(incident, now));
      ctx.logger.info({ incidentId: incident.id, ref: incident.ref }, 'incident resolved by Alertmanager');
    }
    total += count;
    if (count < BATCH) return total;
  }
}
