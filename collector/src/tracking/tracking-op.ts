import { type Channel, OUTCOMES, STAGES, type VendEvent } from '@stimawatch/core';

/** One event as the tracking script reads it (see track-attempts-script.ts). */
export type TrackingOp = [
  attemptId: string,
  dedupeField: string,
  bits: number,
  occurredAtMs: string,
  channel: Channel,
  minute: string,
];

export const OP_PAID = 1;
export const OP_TOKEN = 2;
export const OP_COUNTED = 4;
export const OP_SYSTEM_FAILURE = 8;

/** Per-minute counters are kept a little over a week, for "same minute last week". */
export const MINUTE_TTL_SECONDS = 8 * 86_400;
const MINUTE_MS = 60_000;

const FIELDS = new Map<string, string>();
for (const [s, stage] of STAGES.entries()) {
  for (const [o, outcome] of OUTCOMES.entries()) FIELDS.set(`${stage}|${outcome}`, `s${s}${o}`);
}

/**
 * Encodes an event for the tracking script. Times in the future (a producer's clock ahead of ours) are
 * clamped to receipt time so they cannot delay the paid-without-token count.
 */
export function toTrackingOp(event: VendEvent, nowMs: number): TrackingOp {
  const ms = Math.min(event.occurredAtMs, nowMs);
  const success = event.outcome === 'success';
  const systemFailure = !success && event.error?.class !== 'customer';
  let bits = 0;
  if (success && event.stage === 'payment_received') bits |= OP_PAID;
  if (success && event.stage === 'token_generation') bits |= OP_TOKEN;
  if (success || systemFailure) bits |= OP_COUNTED;
  if (systemFailure) bits |= OP_SYSTEM_FAILURE;
  const minute = ms > nowMs - MINUTE_TTL_SECONDS * 1000 ? String(Math.floor(ms / MINUTE_MS)) : '';
  return [
    event.attemptId,
    FIELDS.get(`${event.stage}|${event.outcome}`) as string,
    bits,
    String(Math.trunc(ms)),
    event.channel,
    minute,
  ];
}

/** A payment→token pair completed by an op: seconds between the two and the payment channel. */
export function pairedDuration(op: TrackingOp, reply: unknown): { seconds: number; channel: Channel } | undefined {
  if (typeof reply !== 'string') return undefined;
  const bar = reply.indexOf('|');
  const otherMs = Number(reply.slice(0, bar));
  const channel = reply.slice(bar + 1) as Channel;
  if (bar < 0 || !Number.isFinite(otherMs)) return undefined;
  const ms = Number(op[3]);
  const seconds = (op[2] & OP_TOKEN ? ms - otherMs : otherMs - ms) / 1000;
  return { seconds: Math.max(0, seconds), channel };
}
