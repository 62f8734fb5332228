import { StimaError } from '@stimawatch/core';
import type { IngestRejectReason } from '../metrics/collector-metrics';

/** One value found in a request body; `line` is its 1-based position (array index or NDJSON line). */
export interface BatchItem {
  line: number;
  value: unknown;
}

export interface BatchRejection {
  line: number;
  reason: IngestRejectReason;
  message: string;
}

export interface ParsedBatch {
  format: 'json' | 'ndjson';
  items: BatchItem[];
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
 * Splits a request body into values: one JSON event, a JSON array of events, or NDJSON (declared by its
 * content type, or detected when the body is not one JSON document but has several lines). A malformed
 * NDJSON line is a rejection of that line only; a malformed single document rejects the request.
 */
export function parseEventBatch(
  text: string,
  contentType: string | undefined,
  maxEvents: number,
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
    if (failure === undefined) return fromDocument(document, maxEvents);
    if (countLines(text) < 2) {
      throw new StimaError('VALIDATION', `malformed JSON: ${failure.message}`, { reason: 'malformed_json' });
    }
  }
  return parseNdjson(text, maxEvents);
}

function fromDocument(document: unknown, maxEvents: number): ParsedBatch {
  if (!Array.isArray(document))
    return { format: 'json', items: [{ line: 1, value: document }], rejected: [] };
  if (document.length > maxEvents) throw tooMany(document.length, maxEvents);
  if (document.length === 0) {
    throw new StimaError('VALIDATION', 'the JSON array holds no events', { reason: 'empty_body' });
  }
  return {
    format: 'json',
    items: document.map((value, index) => ({ line: index + 1, value })),
    rejected: [],
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') lines += 1;
  return lines;
}

function parseNdjson(text: string, maxEvents: number): ParsedBatch {
  const lines = text.split('\n');
  let count = 0;
  for (const line of lines) if (line.trim() !== '') count += 1;
  if (count > maxEvents) throw tooMany(count, maxEvents);
  const items: BatchItem[] = [];
  const rejected: BatchRejection[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    try {
      items.push({ line: index + 1, value: JSON.parse(line) });
    } catch (error) {
      rejected.push({
        line: index + 1,
        reason: 'malformed_json',
        message: `line ${index + 1}: malformed JSON: ${(error as Error).message}`,
      });
    }
  }
  return { format: 'ndjson', items, rejected };
}
