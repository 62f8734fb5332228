import { StimaError, type VendEvent } from '@stimawatch/core';
import type { Hono } from 'hono';
import type { IngestService } from '../ingest/ingest-service';
import { type BatchRejection, parseEventBatch } from '../ingest/parse-event-batch';
import { readLimitedBody } from '../ingest/read-limited-body';
import { validateVendEvent } from '../ingest/validate-vend-event';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import { countRejection } from './http-errors';
import { incomingOf } from './node-incoming';
import { bearerToken, createTokenLookup } from './secret-compare';

export interface VendEventsRouteDeps {
  ingestTokens: ReadonlyMap<string, string>;
  maxBodyBytes: number;
  maxBatchEvents: number;
  ingest: IngestService;
  metrics: CollectorMetrics;
  now: () => number;
}

/** `POST /v1/vend-events`: one JSON event, a JSON array, or NDJSON, from a source known by its token. */
export function registerVendEventsRoute(app: Hono, deps: VendEventsRouteDeps): void {
  const sourceOf = createTokenLookup(deps.ingestTokens);

  app.post('/v1/vend-events', async (c) => {
    const token = bearerToken(c.req.header('authorization'));
    const source = token === undefined ? undefined : sourceOf(token);
    if (source === undefined) {
      deps.metrics.rejected('unauthorized');
      throw new StimaError('UNAUTHORIZED', 'missing or unknown bearer token');
    }
    let batch: ReturnType<typeof parseEventBatch>;
    try {
      const text = await readLimitedBody(c.req.raw, deps.maxBodyBytes, incomingOf(c.env));
      batch = parseEventBatch(text, c.req.header('content-type'), deps.maxBatchEvents);
    } catch (error) {
      return countRejection(deps.metrics, error);
    }
    const receivedAtMs = deps.now();
    const events: VendEvent[] = [];
    const rejected: BatchRejection[] = [...batch.rejected];
    for (const item of batch.items) {
      const result = validateVendEvent(item.value, receivedAtMs);
      if (result.ok) events.push(result.event);
      else rejected.push({ line: item.line, reason: 'invalid_event', message: `line ${item.line}: ${result.message}` });
    }
    if (rejected.length > 0) rejected.sort((a, b) => a.line - b.line);
    if (events.length === 0) {
      countLines(deps.metrics, rejected);
      const first = rejected[0]?.message ?? 'no events';
      const message =
        rejected.length === 1 ? first : `no valid events: ${rejected.length} rejected (first: ${first})`;
      throw new StimaError('VALIDATION', message, { details: { rejected } });
    }
    let result: Awaited<ReturnType<IngestService['ingest']>>;
    try {
      result = await deps.ingest.ingest(events, source);
    } catch (error) {
      return countRejection(deps.metrics, error, events.length);
    }
    countLines(deps.metrics, rejected);
    return c.json({ accepted: result.accepted, duplicates: result.duplicates, rejected }, 202);
  });
}

function countLines(metrics: CollectorMetrics, rejected: readonly BatchRejection[]): void {
  let malformed = 0;
  let invalid = 0;
  for (const rejection of rejected) {
    if (rejection.reason === 'malformed_json') malformed += 1;
    else invalid += 1;
  }
  metrics.rejected('malformed_json', malformed);
  metrics.rejected('invalid_event', invalid);
}
