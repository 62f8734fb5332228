import { StimaError, type VendEvent } from '@stimawatch/core';
import { type BatchRejection, parseEventBatch } from './parse-event-batch';
import { validateVendEvent } from './validate-vend-event';

export interface ValidatedBatch {
  events: VendEvent[];
  /** Malformed and invalid lines, in line order. */
  rejected: BatchRejection[];
}

/**
 * Turns a request body into validated events and per-line rejections. Synchronous on purpose: the
 * body text and the raw parsed values are garbage once it returns, before the request waits on Redis.
 * Throws only for a body that is not a batch at all (empty, malformed single document, too many events).
 */
export function readVendEvents(
  text: string,
  contentType: string | undefined,
  maxEvents: number,
  receivedAtMs: number,
): ValidatedBatch {
  const batch = parseEventBatch(text, contentType, maxEvents);
  const events: VendEvent[] = [];
  const rejected = batch.rejected;
  for (const item of batch.items) {
    const result = validateVendEvent(item.value, receivedAtMs);
    if (result.ok) events.push(result.event);
    else
      rejected.push({
        line: item.line,
        reason: 'invalid_event',
        message: `line ${item.line}: ${result.message}`,
      });
  }
  if (rejected.length > 0) rejected.sort((a, b) => a.line - b.line);
  return { events, rejected };
}

/** The 400 for a batch without a single valid event: names the first problem, lists every line. */
export function noValidEvents(rejected: readonly BatchRejection[]): StimaError {
  const first = rejected[0]?.message ?? 'no events';
  const message =
    rejected.length === 1 ? first : `no valid events: ${rejected.length} rejected (first: ${first})`;
  return new StimaError('VALIDATION', message, { details: { rejected } });
}
