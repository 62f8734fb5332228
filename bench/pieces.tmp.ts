import { Registry } from 'prom-client';
import { parseEventBatch } from '../collector/src/ingest/parse-event-batch';
import { validateVendEvent } from '../collector/src/ingest/validate-vend-event';
import { createCollectorMetrics } from '../collector/src/metrics/collector-metrics';
import { createLiveAggregator } from '../collector/src/live/live-aggregator';
import { toTrackingOp } from '../collector/src/tracking/tracking-op';
import { groupByAttempt } from '../collector/src/tracking/script-chunk';
const lines: string[] = [];
for (let i = 0; i < 250; i++) for (const stage of ['payment_received', 'meter_lookup', 'token_generation', 'token_delivery_sms']) lines.push(JSON.stringify({ attemptId: `X-${i}`, channel: 'mpesa_c2b', stage, outcome: 'success', latencyMs: 100, occurredAt: Date.now(), meterNumber: '14252321790' }));
const body = lines.join('\n');
const metrics = createCollectorMetrics(new Registry(), ['a']);
const live = createLiveAggregator({ now: Date.now });
const T: Record<string, number> = {};
const time = (k: string, f: () => unknown) => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let round = 0; round < 600; round++) {
  const buf = Buffer.from(body);
  const text = time('decode', () => buf.toString('utf8')) as string;
  const batch = time('parse', () => parseEventBatch(text, 'application/x-ndjson', 10000)) as ReturnType<typeof parseEventBatch>;
  const now = Date.now();
  const events = time('validate', () => batch.items.map((i) => { const r = validateVendEvent(i.value, now); if (!r.ok) throw new Error(r.message); return r.event; })) as any[];
  time('metrics', () => metrics.recordEvents(events, now));
  time('live', () => live.record(events));
  const ops = time('ops', () => events.map((e) => toTrackingOp(e, now))) as any[];
  time('group', () => groupByAttempt(ops, 0, ops.length));
  time('respond', () => JSON.stringify({ accepted: 1000, duplicates: 0, rejected: [] }));
  if (round === 99) for (const k of Object.keys(T)) T[k] = 0;
}
for (const [k, v] of Object.entries(T)) console.log(k, (v / 500).toFixed(3), 'ms/batch');
