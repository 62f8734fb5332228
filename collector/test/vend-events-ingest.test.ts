import { request } from 'node:http';
import { deleteRedisPrefix } from '@stimawatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningCollector, startCollector } from '../src/start-collector';
import {
  authorised,
  CALLBACK_SECRET,
  event,
  GATEWAY_TOKEN,
  INGEST_TOKEN,
  ndjson,
  sample,
  silentLogger,
  testConfig,
} from './helpers/collector-harness';

let running: RunningCollector;

beforeEach(async () => {
  running = await startCollector(testConfig('ingest', { MAX_BODY_BYTES: '65536', MAX_BATCH_EVENTS: '500' }), {
    logger: silentLogger,
    defaultMetrics: false,
  });
});

afterEach(async () => {
  await running.stop();
  await deleteRedisPrefix(running.collector.config.redisKeyPrefix);
});

async function post(body: string, init: RequestInit = authorised(body)) {
  const response = await fetch(`${running.url}/v1/vend-events`, init);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function metrics(): Promise<string> {
  return (await fetch(`${running.url}/metrics`)).text();
}

describe('vend-event ingest against Redis', () => {
  it('dedupes replays across requests and inside one batch, counting each attempt+stage+outcome once', async () => {
    const first = await post(
      ndjson([event('D1', 'payment_received'), event('D1', 'payment_received'), event('D1', 'meter_lookup')]),
    );
    expect(first).toEqual({ status: 202, json: { accepted: 2, duplicates: 1, rejected: [] } });
    const replay = await post(ndjson([event('D1', 'meter_lookup'), event('D2', 'meter_lookup')]));
    expect(replay.json).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    // A later, different outcome of the same stage (a retried token) is a new fact, not a replay.
    const retried = await post(
      ndjson([event('D1', 'token_generation', 'failed'), event('D1', 'token_generation')]),
    );
    expect(retried.json).toMatchObject({ accepted: 2, duplicates: 0 });
    const text = await metrics();
    expect(
      sample(
        text,
        'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_received",outcome="success"}',
      ),
    ).toBe(1);
    expect(
      sample(text, 'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="meter_lookup",outcome="success"}'),
    ).toBe(2);
    expect(sample(text, 'stimawatch_ingest_duplicates_total')).toBe(2);
    expect(sample(text, 'stimawatch_ingest_accepted_total{source="vending"}')).toBe(5);
  });

  it('a Daraja confirmation and its vending events correlate on the TransID', async () => {
    const confirmation = {
      TransactionType: 'Pay Bill',
      TransID: 'SDE7HJ29PL',
      TransTime: '20260302125500',
      TransAmount: '500.00',
      BusinessShortCode: '888880',
      BillRefNumber: '14252321790',
      MSISDN: '2547 ***** 126',
    };
    const ack = await fetch(`${running.url}/v1/mpesa/${CALLBACK_SECRET}/c2b/confirmation`, {
      method: 'POST',
      body: JSON.stringify(confirmation),
    });
    expect(await ack.json()).toEqual({ ResultCode: 0, ResultDesc: 'Success' });
    // The gateway forwards the same confirmation again: acknowledged, not counted twice.
    await fetch(`${running.url}/v1/mpesa/${CALLBACK_SECRET}/c2b/confirmation`, {
      method: 'POST',
      body: JSON.stringify(confirmation),
    });
    const token = await post(
      JSON.stringify(
        event('SDE7HJ29PL', 'token_generation', 'success', { occurredAt: '2026-03-02T12:55:42+03:00' }),
      ),
      authorised(
        JSON.stringify(
          event('SDE7HJ29PL', 'token_generation', 'success', { occurredAt: '2026-03-02T12:55:42+03:00' }),
        ),
        'application/json',
      ),
    );
    expect(token.json).toMatchObject({ accepted: 1 });
    const text = await metrics();
    expect(sample(text, 'stimawatch_payment_to_token_seconds_sum{channel="mpesa_c2b"}')).toBe(42);
    expect(sample(text, 'stimawatch_ingest_accepted_total{source="daraja"}')).toBe(1);
    expect(sample(text, 'stimawatch_ingest_duplicates_total')).toBe(1);
  });

  it('accepts the valid lines of a mixed batch of 300, reporting each bad line by number', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 300; i++) {
      if (i % 50 === 0) lines.push('{"attemptId":');
      else if (i % 30 === 0) lines.push(JSON.stringify(event(`M${i}`, 'token_generation', 'exploded')));
      else
        lines.push(JSON.stringify(event(`M${i}`, 'token_generation', i % 10 === 0 ? 'failed' : 'success')));
    }
    const response = await post(lines.join('\n'));
    expect(response.status).toBe(202);
    const rejected = response.json.rejected as Array<{ line: number; reason: string }>;
    expect(rejected.map((r) => r.line)).toEqual([
      30, 50, 60, 90, 100, 120, 150, 180, 200, 210, 240, 250, 270, 300,
    ]);
    expect(rejected.filter((r) => r.reason === 'malformed_json').map((r) => r.line)).toEqual([
      50, 100, 150, 200, 250, 300,
    ]);
    expect(response.json.accepted).toBe(286);
    const text = await metrics();
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="malformed_json"}')).toBe(6);
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="invalid_event"}')).toBe(8);
    // Failures without an error code are still counted, as UNKNOWN.
    expect(
      sample(
        text,
        'stimawatch_vend_errors_total{channel="mpesa_c2b",stage="token_generation",code="UNKNOWN",class="system"}',
      ),
    ).toBe(16);
    expect(
      sample(
        text,
        'stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"}',
      ),
    ).toBe(270);
    expect(sample(text, 'stimawatch_last_token_issued_timestamp_seconds')).toBeGreaterThan(0);
  });

  it('knows the source from the token and refuses a missing one with 401', async () => {
    const body = JSON.stringify(event('S1', 'meter_lookup'));
    const gateway = await post(body, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${GATEWAY_TOKEN}` },
    });
    expect(gateway.status).toBe(202);
    expect((await post(body, { method: 'POST', body })).status).toBe(401);
    const text = await metrics();
    expect(sample(text, 'stimawatch_ingest_accepted_total{source="gateway"}')).toBe(1);
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="unauthorized"}')).toBe(1);
  });

  it('answers 400 for malformed JSON and for a batch with nothing valid', async () => {
    const malformed = await post('{"attemptId": "X"', authorised('{"attemptId": "X"', 'application/json'));
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/^malformed JSON/);
    const invalid = await post(ndjson([{ attemptId: 'X' }, '[1,2]']));
    expect(invalid.status).toBe(400);
    expect((invalid.json.details as { rejected: unknown[] }).rejected).toHaveLength(2);
  });

  it('answers 413 for a chunked body that outgrows the limit while streaming, and for too many events', async () => {
    // No Content-Length: the limit must be enforced while the chunked stream is read.
    const status = await new Promise<number>((resolve, reject) => {
      let answered = false;
      const req = request(`${running.url}/v1/vend-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/x-ndjson' },
      });
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = `${JSON.stringify(event('BIG', 'meter_lookup'))}\n`.repeat(200);
      let written = 0;
      const pump = () => {
        if (answered || req.destroyed) return;
        if (written > 1_000_000) return req.end();
        written += chunk.length;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    });
    expect(status).toBe(413);
    const many = ndjson(Array.from({ length: 501 }, (_, i) => event(`N${i}`, 'meter_lookup')));
    expect((await post(many)).status).toBe(413);
    const text = await metrics();
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="payload_too_large"}')).toBe(1);
    expect(sample(text, 'stimawatch_ingest_rejected_total{reason="too_many_events"}')).toBe(1);
  });

  it('serves readiness and the contract metrics', async () => {
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', backlog: 0 });
    const response = await fetch(`${running.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      'stimawatch_vend_stage_total',
      'stimawatch_vend_errors_total',
      'stimawatch_vend_stage_duration_seconds',
      'stimawatch_payment_to_token_seconds',
      'stimawatch_payments_without_token',
      'stimawatch_last_token_issued_timestamp_seconds',
      'stimawatch_probe_success',
      'stimawatch_probe_duration_seconds',
      'stimawatch_ingest_rejected_total',
      'stimawatch_ingest_accepted_total',
      'stimawatch_redis_up',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sample(text, 'stimawatch_redis_up')).toBe(1);
    expect(text).not.toMatch(/2547|14252321790/);
  });
});
