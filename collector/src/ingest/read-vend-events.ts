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
  const events: VendEvent[] = [];
  const invalid: BatchRejection[] = [];
  const { rejected } = parseEventBatch(text, contentType, maxEvents, (value, line) => {
    const result = validateVendEvent(value, receivedAtMs);
    if (result.ok) events.push(result.event);
    else invalid.push({ line, reason: 'invalid_event', message: `line ${line}: ${result.message}` });
  });
  if (invalid.length === 0) return { events, rejected };
  return { events, rejected: [...rejected, ...invalid].sort((a, b) => a.line - b.line) };
}

/** The 400 for a batch without a single valid event: names the first problem, lists every line. */
export function noValidEvents(rejected: readonly BatchRejection[]): StimaError {
  const first = rejected[0]?.message ?? 'no events';
  const message =
    rejected.length === 1 ? first : `no valid events: ${rejected.length} rejected (first: ${first})`;
  return new StimaError('VALIDATION', message, { details: { rejected } });
}
