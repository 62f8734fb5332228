import type { ResourceLimits } from 'node:worker_threads';
import { createLogger, type Logger, StimaError } from '@stimawatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchParser, type BatchParserOptions, createBatchParser } from './batch-parser';
import { readVendEvents } from './read-vend-events';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const NDJSON = 'application/x-ndjson';
const parsers: BatchParser[] = [];

function parser(
  workerMinBytes: number,
  workerLimits?: ResourceLimits,
  logger: Logger = createLogger('test', 'silent'),
): BatchParser {
  const options: BatchParserOptions = { workerMinBytes, logger };
  if (workerLimits !== undefined) options.workerLimits = workerLimits;
  const created = createBatchParser(options);
  parsers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(parsers.splice(0).map((created) => created.close()));
});

/** A batch with every kind of line: plain, with error, ISO time, unknown fields, malformed, invalid, blank. */
function mixedBody(size: number): string {
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    const base = { attemptId: `A${i}`, channel: 'mpesa_stk', occurredAt: NOW - i, latencyMs: 120.5 };
    if (i % 50 === 7) lines.push('{not json');
    else if (i % 50 === 9) lines.push(JSON.stringify({ ...base, stage: 'payment' }));
    else if (i % 50 === 11) lines.push('');
    else if (i % 3 === 0) {
      lines.push(
        JSON.stringify({
          ...base,
          stage: 'token_generation',
          outcome: 'failed',
          error: { domain: 'vending', rawCode: 'HSM_UNAVAILABLE' },
        }),
      );
    } else if (i % 3 === 1) {
      lines.push(
        JSON.stringify({
          ...base,
          occurredAt: '2026-03-02T12:59:00+03:00',
          stage: 'payment_received',
          outcome: 'success',
          amountMinor: 50_000,
          currency: 'KES',
          meterNumber: '14252321790',
          source: 'vend-api',
        }),
      );
    } else lines.push(JSON.stringify({ ...base, stage: 'meter_lookup', outcome: 'rejected' }));
  }
  return lines.join('\n');
}

async function refusal(run: () => Promise<unknown>): Promise<StimaError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof StimaError)) throw new Error(`expected a StimaError, got ${String(error)}`);
  return error;
}

describe('createBatchParser', () => {
  it('reads a large body on the worker into exactly what the request thread reads', async () => {
    const body = Buffer.from(mixedBody(600));
    const expected = readVendEvents(body.toString(), NDJSON, 10_000, NOW);
    expect(expected.events.length).toBeGreaterThan(500);
    expect(expected.rejected.map((r) => r.reason)).toContain('malformed_json');
    expect(expected.rejected.map((r) => r.reason)).toContain('invalid_event');
    const large = parser(1024);
    expect(await large.parse(body, NDJSON, 10_000, NOW)).toStrictEqual(expected);
    expect(large.reads).toEqual({ onWorker: 1, onRequestThread: 0 });
  });

  it('answers a refused body with the same error as on the request thread', async () => {
    const onWorker = parser(0);
    const tooMany = await refusal(() => onWorker.parse(Buffer.from(mixedBody(30)), NDJSON, 10, NOW));
    expect(tooMany.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooMany.context).toMatchObject({ reason: 'too_many_events', maxEvents: 10 });
    const allBad = await refusal(() => onWorker.parse(Buffer.from('{"a":'), 'application/json', 10, NOW));
    expect(allBad.code).toBe('VALIDATION');
    expect(allBad.message).toMatch(/^malformed JSON: /);
    expect(allBad.context).toMatchObject({ reason: 'malformed_json' });
    expect(onWorker.reads).toEqual({ onWorker: 2, onRequestThread: 0 });
  });

  it('reads the bodies the worker had not answered on the request thread when the worker stops, then starts a new one', async () => {
    const onWorker = parser(0);
    const bodies = Array.from({ length: 6 }, (_, index) => Buffer.from(mixedBody(300 + index)));
    const reading = bodies.map((body) => onWorker.parse(body, NDJSON, 10_000, NOW));
    await onWorker.close();
    const batches = await Promise.all(reading);
    for (const [index, batch] of batches.entries()) {
      expect(batch).toStrictEqual(readVendEvents((bodies[index] as Buffer).toString(), NDJSON, 10_000, NOW));
    }
    // Stopped before it had even started: every body was read here.
    expect(onWorker.reads).toEqual({ onWorker: 0, onRequestThread: bodies.length });
    const after = await onWorker.parse(bodies[0] as Buffer, NDJSON, 10_000, NOW);
    expect(after).toStrictEqual(batches[0]);
    expect(onWorker.reads.onWorker).toBe(1);
  });

  it('reads the body here when the worker dies, and keeps reading here for a while rather than restart it per body', async () => {
    // Far too little heap for the worker to even load its modules: it dies of it.
    const crashes: unknown[] = [];
    const logger = { error: (fields: unknown) => crashes.push(fields), warn: () => undefined };
    const starved = parser(
      0,
      { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 },
      logger as unknown as Logger,
    );
    const body = Buffer.from(mixedBody(200));
    const expected = readVendEvents(body.toString(), NDJSON, 10_000, NOW);
    expect(await starved.parse(body, NDJSON, 10_000, NOW)).toStrictEqual(expected);
    expect(await starved.parse(body, NDJSON, 10_000, NOW)).toStrictEqual(expected);
    expect(starved.reads).toEqual({ onWorker: 0, onRequestThread: 2 });
    // One worker died; the second body did not start another.
    expect(crashes).toHaveLength(1);
  });

  it('reads bodies on the request thread while the worker already has its fill of bytes waiting', async () => {
    const body = Buffer.from(mixedBody(200));
    const bounded = createBatchParser({
      workerMinBytes: 0,
      maxPendingBytes: body.length,
      logger: createLogger('test', 'silent'),
    });
    parsers.push(bounded);
    const first = bounded.parse(body, NDJSON, 10_000, NOW);
    const second = bounded.parse(body, NDJSON, 10_000, NOW);
    expect(bounded.reads).toEqual({ onWorker: 0, onRequestThread: 1 });
    expect(await first).toStrictEqual(await second);
    expect(bounded.reads).toEqual({ onWorker: 1, onRequestThread: 1 });
    // Once the worker has answered, its bytes no longer count: the next body goes to it again.
    await bounded.parse(body, NDJSON, 10_000, NOW);
    expect(bounded.reads).toEqual({ onWorker: 2, onRequestThread: 1 });
  });

  it('reads small bodies on the request thread, never starting the worker', async () => {
    const inline = parser(1024 * 1024);
    const body = Buffer.from(mixedBody(20));
    const batch = await inline.parse(body, NDJSON, 100, NOW);
    expect(batch).toStrictEqual(readVendEvents(body.toString(), NDJSON, 100, NOW));
    const refused = await refusal(() => inline.parse(Buffer.from(' '), NDJSON, 100, NOW));
    expect(refused.context).toMatchObject({ reason: 'empty_body' });
    expect(inline.reads).toEqual({ onWorker: 0, onRequestThread: 2 });
  });
});
