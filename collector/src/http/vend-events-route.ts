import { bearerToken, createTokenLookup, StimaError } from '@stimawatch/core';
import type { Hono } from 'hono';
import type { BatchParser } from '../ingest/batch-parser';
import type { IngestService } from '../ingest/ingest-service';
import type { BatchRejection } from '../ingest/parse-event-batch';
import { readLimitedBytes } from '../ingest/read-limited-body';
import { noValidEvents, type ValidatedBatch } from '../ingest/read-vend-events';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import { countRejection } from './http-errors';
import { incomingOf } from './node-incoming';

export interface VendEventsRouteDeps {
  ingestTokens: ReadonlyMap<string, string>;
  maxBodyBytes: number;
  maxBatchEvents: number;
  ingest: IngestService;
  parser: BatchParser;
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
    let batch: ValidatedBatch;
    try {
      const bytes = await readLimitedBytes(c.req.raw, deps.maxBodyBytes, incomingOf(c.env));
      batch = await deps.parser.parse(bytes, c.req.header('content-type'), deps.maxBatchEvents, deps.now());
    } catch (error) {
      return countRejection(deps.metrics, error);
    }
    const { events, rejected } = batch;
    if (events.length === 0) {
      countLines(deps.metrics, rejected);
      throw noValidEvents(rejected);
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
