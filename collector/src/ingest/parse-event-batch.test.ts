import { StimaError } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { parseEventBatch as parseWithVisitor } from './parse-event-batch';

/** The batch with its visited values gathered, in visiting order. */
function parseEventBatch(text: string, contentType: string | undefined, maxEvents: number) {
  const items: Array<{ line: number; value: unknown }> = [];
  const batch = parseWithVisitor(text, contentType, maxEvents, (value, line) => items.push({ line, value }));
  return { ...batch, items };
}

function failure(run: () => unknown): StimaError {
  try {
    run();
  } catch (error) {
    if (error instanceof StimaError) return error;
    throw error;
  }
  throw new Error('expected a StimaError');
}

describe('parseEventBatch', () => {
  it('reads one JSON event as line 1', () => {
    expect(parseEventBatch('{"a":1}', 'application/json', 10)).toEqual({
      format: 'json',
      items: [{ line: 1, value: { a: 1 } }],
      rejected: [],
    });
  });

  it('numbers array elements from 1', () => {
    const batch = parseEventBatch('[{"a":1},{"a":2}]', 'application/json', 10);
    expect(batch.items.map((item) => item.line)).toEqual([1, 2]);
  });

  it('reads NDJSON by content type and rejects only the malformed line', () => {
    const batch = parseEventBatch('{"a":1}\n{oops\n\n{"a":3}\n', 'application/x-ndjson', 10);
    expect(batch.format).toBe('ndjson');
    expect(batch.items).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { a: 3 } },
    ]);
    expect(batch.rejected).toHaveLength(1);
    expect(batch.rejected[0]).toMatchObject({ line: 2, reason: 'malformed_json' });
    expect(batch.rejected[0]?.message).toMatch(/^line 2: malformed JSON: /);
  });

  it('detects NDJSON sent without its content type', () => {
    const batch = parseEventBatch('{"a":1}\r\n{"a":2}\r\n', 'application/json', 10);
    expect(batch.format).toBe('ndjson');
    expect(batch.items).toHaveLength(2);
  });

  it('treats a single-line NDJSON body as one event', () => {
    expect(parseEventBatch('{"a":1}\n', 'application/x-ndjson', 10).items).toEqual([
      { line: 1, value: { a: 1 } },
    ]);
  });

  it('refuses a malformed single document, naming the problem', () => {
    const error = failure(() => parseEventBatch('{"a":', 'application/json', 10));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^malformed JSON: /);
    expect(error.context.reason).toBe('malformed_json');
  });

  it('refuses an empty body and an empty array', () => {
    expect(failure(() => parseEventBatch('  \n', undefined, 10)).context.reason).toBe('empty_body');
    expect(failure(() => parseEventBatch('[]', undefined, 10)).context.reason).toBe('empty_body');
  });

  it('refuses more events than the limit as too large, for arrays and NDJSON', () => {
    const array = failure(() => parseEventBatch('[1,2,3]', undefined, 2));
    expect(array.code).toBe('PAYLOAD_TOO_LARGE');
    expect(array.context.reason).toBe('too_many_events');
    const ndjson = failure(() => parseEventBatch('1\n2\n3', 'application/x-ndjson', 2));
    expect(ndjson.context.reason).toBe('too_many_events');
  });
});
