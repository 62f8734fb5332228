import { errorBody, httpStatusFor, type Logger, StimaError } from '@stimawatch/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  type CollectorMetrics,
  INGEST_REJECT_REASONS,
  type IngestRejectReason,
} from '../metrics/collector-metrics';

/** The reason an ingest error is counted under, when it carries one. */
export function rejectReasonOf(error: unknown): IngestRejectReason | undefined {
  if (!(error instanceof StimaError)) return undefined;
  const reason = error.context.reason;
  return INGEST_REJECT_REASONS.includes(reason as IngestRejectReason)
    ? (reason as IngestRejectReason)
    : undefined;
}

/** Counts an ingest-path error under its reason, then lets it travel on to the error handler. */
export function countRejection(metrics: CollectorMetrics, error: unknown, count = 1): never {
  const reason = rejectReasonOf(error);
  if (reason !== undefined) metrics.rejected(reason, count);
  throw error;
}

/** The one place errors become HTTP answers: `{error, message, details}` with `httpStatusFor(code)`. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof StimaError) {
      const status = httpStatusFor(error.code) as ContentfulStatusCode;
      if (status >= 500) logger.warn({ code: error.code, err: error.message }, 'request failed');
      const details = error.context.details;
      return c.json(errorBody(error, details), status);
    }
    logger.error({ err: error }, 'unhandled error');
    return c.json({ error: 'INTERNAL', message: 'internal error' }, 500);
  };
}
