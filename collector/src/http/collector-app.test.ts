import { afterAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_SECRET,
  createInMemoryApp,
  sampleValue,
  vendRequest,
} from '../../test/helpers/in-memory-app';
import { c2bConfirmationV2, c2bValidationV2, stkCancelled, stkSuccess } from '../daraja/daraja-fixtures';
import type { BatchParser } from '../ingest/batch-parser';

const valid = {
  attemptId: 'RKL51ZDR4F',
  channel: 'mpesa_c2b',
  stage: 'token_generation',
  outcome: 'success',
};
const rejectedSeries = (reason: string) => `stimawatch_ingest_rejected_total{reason="${reason}"}`;

describe.each([
  { where: 'on the request thread', parseWorkerMinBytes: Number.POSITIVE_INFINITY },
  { where: 'on the parse worker', parseWorkerMinBytes: 0 },
])('POST /v1/vend-events, bodies read $where', ({ parseWorkerMinBytes }) => {
  const parsers: BatchParser[] = [];
  const appReadingBodies = (options: Parameters<typeof createInMemoryApp>[0] = {}) => {
    const created = createInMemoryApp({ ...options, parseWorkerMinBytes });
    parsers.push(created.parser);
    return created;
  };
  afterAll(async () => {
    for (const parser of parsers) {
      // Every body these tests send went where this block says.
      const elsewhere = parseWorkerMinBytes === 0 ? parser.reads.onRequestThread : parser.reads.onWorker;
      expect(elsewhere).toBe(0);
      await parser.close();
    }
  });

  it('accepts one event, ignoring unknown fields', async () => {
    const { app, state } = appReadingBodies();
    const response = await app.request(
      '/v1/vend-events',
      vendRequest(JSON.stringify({ ...valid, extra: { x: 1 } })),
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(state.tracked[0]).not.toHaveProperty('extra');
  });

  it('refuses a missing or wrong bearer token with 401 and counts it', async () => {
    const { app, registry } = appReadingBodies();
    const missing = await app.request('/v1/vend-events', { method: 'POST', body: JSON.stringify(valid) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    const wrong = await app.request(
      '/v1/vend-events',
      vendRequest('{}', { authorization: 'Bearer nope-nope-nope-nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(await sampleValue(registry, rejectedSeries('unauthorized'))).toBe(2);
  });

  it('answers 400 naming the problem for malformed JSON', async () => {
    const { app, registry } = appReadingBodies();
    const response = await app.request('/v1/vend-events', vendRequest('{"attemptId": "A1",'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('VALIDATION');
    expect(body.message).toMatch(/^malformed JSON: /);
    expect(await sampleValue(registry, rejectedSeries('malformed_json'))).toBe(1);
  });

  it('answers 400 with every rejected line when nothing is valid', async () => {
    const { app, registry } = appReadingBodies();
    const body = [
      JSON.stringify({ ...valid, stage: 'payment' }),
      JSON.stringify({ ...valid, channel: 'cash' }),
    ].join('\n');
    const response = await app.request(
      '/v1/vend-events',
      vendRequest(body, { 'content-type': 'application/x-ndjson' }),
    );
    expect(response.status).toBe(400);
    const json = (await response.json()) as {
      message: string;
      details: { rejected: Array<{ line: number }> };
    };
    expect(json.message).toMatch(/^no valid events: 2 rejected \(first: line 1: stage: /);
    expect(json.details.rejected.map((r) => r.line)).toEqual([1, 2]);
    expect(await sampleValue(registry, rejectedSeries('invalid_event'))).toBe(2);
  });

  it('accepts the valid lines of a mixed NDJSON batch and reports the others by line', async () => {
    const { app, registry } = appReadingBodies();
    const lines = [
      JSON.stringify({ ...valid, attemptId: 'A1' }),
      '{not json',
      JSON.stringify({
        ...valid,
        attemptId: 'A2',
        outcome: 'failed',
        error: { domain: 'vending', rawCode: 'LatestKRNEx' },
      }),
      JSON.stringify({ ...valid, attemptId: '' }),
    ];
    const response = await app.request(
      '/v1/vend-events',
      vendRequest(lines.join('\n'), { 'content-type': 'application/x-ndjson' }),
    );
    expect(response.status).toBe(202);
    const json = (await response.json()) as {
      accepted: number;
      rejected: Array<{ line: number; reason: string }>;
    };
    expect(json.accepted).toBe(2);
    expect(json.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 2, reason: 'malformed_json' },
      { line: 4, reason: 'invalid_event' },
    ]);
    expect(
      await sampleValue(
        registry,
        'stimawatch_vend_errors_total{channel="mpesa_c2b",stage="token_generation",code="KEY_CHANGE_REQUIRED",class="system"}',
      ),
    ).toBe(1);
    expect(await sampleValue(registry, 'stimawatch_ingest_accepted_total{source="vending"}')).toBe(2);
  });

  it('acknowledges a replay as a duplicate without counting it again', async () => {
    const { app, registry } = appReadingBodies();
    await app.request('/v1/vend-events', vendRequest(JSON.stringify(valid)));
    const again = await app.request('/v1/vend-events', vendRequest(JSON.stringify([valid, valid])));
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    const series =
      'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}';
    expect(await sampleValue(registry, series)).toBe(1);
    expect(await sampleValue(registry, 'stimawatch_ingest_duplicates_total')).toBe(2);
  });

  it('answers 413 for a body over the limit and for too many events', async () => {
    const { app, registry } = appReadingBodies({ maxBodyBytes: 2048, maxBatchEvents: 3 });
    const big = await app.request(
      '/v1/vend-events',
      vendRequest(JSON.stringify([{ ...valid, pad: 'x'.repeat(4096) }])),
    );
    expect(big.status).toBe(413);
    const many = await app.request(
      '/v1/vend-events',
      vendRequest(JSON.stringify([valid, valid, valid, valid])),
    );
    expect(many.status).toBe(413);
    expect(await many.json()).toMatchObject({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'batch holds 4 events; the limit is 3',
    });
    expect(await sampleValue(registry, rejectedSeries('payload_too_large'))).toBe(1);
    expect(await sampleValue(registry, rejectedSeries('too_many_events'))).toBe(1);
  });

  it('answers 503 (retry) when tracking cannot keep the batch, counting nothing as accepted', async () => {
    const { app, registry, state } = appReadingBodies();
    state.full = true;
    const response = await app.request(
      '/v1/vend-events',
      vendRequest(JSON.stringify([valid, { ...valid, attemptId: 'B' }])),
    );
    expect(response.status).toBe(503);
    expect(await sampleValue(registry, rejectedSeries('backlog_full'))).toBe(2);
    expect(await sampleValue(registry, 'stimawatch_ingest_accepted_total{source="vending"}')).toBe(0);
  });
});

describe('Daraja callbacks', () => {
  const post = (path: string, body: unknown, secret = CALLBACK_SECRET) => ({
    path: `/v1/mpesa/${secret}/${path}`,
    init: { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  });

  it.each([
    ['c2b/validation', c2bValidationV2, { ResultCode: '0', ResultDesc: 'Accepted' }],
    ['c2b/confirmation', c2bConfirmationV2, { ResultCode: 0, ResultDesc: 'Success' }],
    ['stk/callback', stkSuccess, { ResultCode: 0, ResultDesc: 'Accepted' }],
    ['stk/callback', stkCancelled, { ResultCode: 0, ResultDesc: 'Accepted' }],
  ])('%s answers the acknowledgement Daraja expects', async (path, body, ack) => {
    const { app } = createInMemoryApp();
    const { path: url, init } = post(path, body);
    const response = await app.request(url, init);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(ack);
  });

  it('counts a cancelled STK callback as a customer-caused rejection', async () => {
    const { app, registry } = createInMemoryApp();
    const { path, init } = post('stk/callback', stkCancelled);
    await app.request(path, init);
    expect(
      await sampleValue(
        registry,
        'stimawatch_vend_stage_total{channel="mpesa_stk",stage="payment_received",outcome="rejected"}',
      ),
    ).toBe(1);
    expect(
      await sampleValue(
        registry,
        'stimawatch_vend_errors_total{channel="mpesa_stk",stage="payment_received",code="CANCELLED_BY_USER",class="customer"}',
      ),
    ).toBe(1);
  });

  it('refuses a wrong secret with 401 and a non-Daraja body with 400', async () => {
    const { app, registry } = createInMemoryApp();
    const wrong = post('c2b/confirmation', c2bConfirmationV2, 'not-the-secret-at-all');
    expect((await app.request(wrong.path, wrong.init)).status).toBe(401);
    const bad = post('c2b/confirmation', { hello: 'world' });
    const response = await app.request(bad.path, bad.init);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: expect.stringMatching(/^not a Daraja callback: TransID/),
    });
    expect(await sampleValue(registry, rejectedSeries('invalid_callback'))).toBe(1);
  });
});

describe('operational endpoints', () => {
  it('reports health, readiness and the live snapshot', async () => {
    const { app, state } = createInMemoryApp();
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(200);
    state.ready = false;
    const readyz = await app.request('/readyz');
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ status: 'not_ready', redis: 'unreachable' });
    const snapshot = await app.request('/v1/live/snapshot');
    expect(snapshot.headers.get('access-control-allow-origin')).toBe('*');
    expect(await snapshot.json()).toMatchObject({ redisUp: false, tokensLastMinute: 0 });
  });
});
