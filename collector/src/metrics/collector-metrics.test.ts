import type { VendEvent } from '@stimawatch/core';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createCollectorMetrics } from './collector-metrics';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function event(overrides: Partial<VendEvent>): VendEvent {
  return {
    version: 1,
    attemptId: 'A',
    channel: 'ussd',
    stage: 'token_generation',
    outcome: 'success',
    occurredAtMs: NOW,
    currency: 'KES',
    ...overrides,
  };
}

const line = (text: string, series: string) =>
  text
    .split('\n')
    .find((l) => l.startsWith(`${series} `))
    ?.slice(series.length + 1);

describe('collector metrics', () => {
  it('starts every stage series and rejection reason at zero, and the configured sources', async () => {
    const registry = new Registry();
    createCollectorMetrics(registry, ['vending']);
    const text = await registry.metrics();
    expect(
      line(text, 'stimawatch_vend_stage_total{channel="agent",stage="token_delivery_sms",outcome="timeout"}'),
    ).toBe('0');
    expect(line(text, 'stimawatch_ingest_rejected_total{reason="backlog_full"}')).toBe('0');
    expect(line(text, 'stimawatch_ingest_accepted_total{source="vending"}')).toBe('0');
    expect(line(text, 'stimawatch_ingest_accepted_total{source="daraja"}')).toBe('0');
    expect(line(text, 'stimawatch_redis_up')).toBe('0');
  });

  it('counts outcomes, normalised errors and durations, and keeps the latest token time', async () => {
    const registry = new Registry();
    const metrics = createCollectorMetrics(registry, []);
    const error = {
      domain: 'vending' as const,
      rawCode: 'SystemEx',
      code: 'VENDING_SYSTEM_ERROR',
      class: 'system' as const,
      retryable: true,
    };
    metrics.recordEvents(
      [
        event({ latencyMs: 250 }),
        event({ occurredAtMs: NOW - 60_000 }),
        event({ outcome: 'failed', error, latencyMs: 4000 }),
        event({ occurredAtMs: NOW + 3_600_000 }),
      ],
      NOW,
    );
    metrics.observePaymentToToken('ussd', 42);
    const text = await registry.metrics();
    expect(
      line(text, 'stimawatch_vend_stage_total{channel="ussd",stage="token_generation",outcome="success"}'),
    ).toBe('3');
    expect(
      line(
        text,
        'stimawatch_vend_errors_total{channel="ussd",stage="token_generation",code="VENDING_SYSTEM_ERROR",class="system"}',
      ),
    ).toBe('1');
    expect(line(text, 'stimawatch_vend_stage_duration_seconds_count{stage="token_generation"}')).toBe('2');
    expect(
      line(text, 'stimawatch_vend_stage_duration_seconds_bucket{le="0.5",stage="token_generation"}'),
    ).toBe('1');
    expect(line(text, 'stimawatch_payment_to_token_seconds_sum{channel="ussd"}')).toBe('42');
    // A producer clock ahead of ours cannot push the last-token time into the future.
    expect(line(text, 'stimawatch_last_token_issued_timestamp_seconds')).toBe(String(NOW / 1000));
  });
});
