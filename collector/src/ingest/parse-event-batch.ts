import { StimaError } from '@stimawatch/core';
import type { IngestRejectReason } from '../metrics/collector-metrics';

/** Receives each value found in a request body with its 1-based position (array index or NDJSON line). */
export type BatchVisitor = (value: unknown, line: number) => void;

export interface BatchRejection {
  line: number;
  reason: IngestRejectReason;
  message: string;
}

export interface ParsedBatch {
  format: 'json' | 'ndjson';
  /** Lines that are not JSON (NDJSON only), in line order. */
  rejected: BatchRejection[];
}

const NDJSON_TYPES = ['ndjson', 'jsonl', 'jsonlines', 'json-seq'];

function isNdjsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.toLowerCase();
  return NDJSON_TYPES.some((name) => type.includes(name));
}

function tooMany(count: number, maxEvents: number): StimaError {
  return new StimaError('PAYLOAD_TOO_LARGE', `batch holds ${count} events; the limit is ${maxEvents}`, {
    reason: 'too_many_events',
    maxEvents,
  });
}

/**
 * Splits a request body into values, handed to `visit` in order: one JSON event, a JSON array of events, or
 * NDJSON (declared by its content type, or detected when the body is not one JSON document but has several
 * lines). A malformed NDJSON line is a rejection of that line only; a malformed single document rejects the
 * request, as does a body over `maxEvents` (before any value is visited).
 */
export function parseEventBatch(
  text: string,
  contentType: string | undefined,
  maxEvents: number,
  visit: BatchVisitor,
): ParsedBatch {
  if (text.trim() === '') {
    throw new StimaError('VALIDATION', 'request body is empty', { reason: 'empty_body' });
  }
  if (!isNdjsonType(contentType)) {
    let document: unknown;
    let failure: Error | undefined;
    try {
      document = JSON.parse(text);
    } catch (error) {
      failure = error as Error;
    }
    if (failure === undefined) return fromDocument(document, maxEvents, visit);
    if (countLines(text) < 2) {
      throw new StimaError('VALIDATION', `malformed JSON: ${failure.message}`, { reason: 'malformed_json' });
    }
  }
  return parseNdjson(text, maxEvents, visit);
}

function fromDocument(document: unknown, maxEvents: number, visit: BatchVisitor): ParsedBatch {
  if (!Array.isArray(document)) {
    visit(document, 1);
    return { format: 'json', rejected: [] };
  }
  if (document.length > maxEvents) throw tooMany(document.length, maxEvents);
  if (document.length === 0) {
    throw new StimaError('VALIDATION', 'the JSON array holds no events', { reason: 'empty_body' });
  }
  for (let index = 0; index < document.length; index++) visit(document[index], index + 1);
  return { format: 'json', rejected: [] };
}

/** Non-blank lines, counted without splitting the text. */
function countLines(text: string): number {
  let lines = 0;
  forEachLine(text, () => {
    lines += 1;
  });
  return lines;
}

/** Newline characters: one less than the lines, blank or not, so an upper bound on the events. */
function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Calls `visit` with each non-blank line (as a slice of `text`) and its 1-based number. */
function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  let number = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    number += 1;
    if (end > start) {
      const line = text.slice(start, end);
      // A line that opens an object is not blank; only the others need a trim.
      if (line.charCodeAt(0) === 123 || line.trim() !== '') visit(line, number);
    }
    start = end + 1;
  }
}

function parseNdjson(text: string, maxEvents: number, visit: BatchVisitor): ParsedBatch {
  if (countNewlines(text) >= maxEvents) {
    const count = countLines(text);
    if (count > maxEvents) throw tooMany(count, maxEvents);
  }
  const rejected: BatchRejection[] = [];
  forEachLine(text, (line, number) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      rejected.push({
        line: number,
        reason: 'malformed_json',
        message: `line ${number}: malformed JSON: ${(error as Error).message}`,
      });
      return;
    }
    visit(value, number);
  });
  return { format: 'ndjson', rejected };
}
