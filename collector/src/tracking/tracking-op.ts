import { type Channel, OUTCOMES, STAGES, type VendEvent } from '@stimawatch/core';

/** One event as the tracking script reads it (see track-attempts-script.ts). */
export type TrackingOp = [attemptId: string, code: number, occurredAtMs: number, channel: Channel];

export const OP_PAID = 1;
export const OP_TOKEN = 2;
export const OP_COUNTED = 4;
export const OP_SYSTEM_FAILURE = 8;
export const OP_IN_MINUTE = 16;

/** Per-minute counters are kept a little over a week, for "same minute last week". */
export const MINUTE_TTL_SECONDS = 8 * 86_400;

/** The stage+outcome index (0-23): an attempt's record keeps one letter per index it has seen. */
const STAGE_OUTCOME = new Map<string, Map<string, number>>(
  STAGES.map((stage, s) => [
    stage,
    new Map(OUTCOMES.map((outcome, o) => [outcome, s * OUTCOMES.length + o])),
  ]),
);

export function opBits(op: TrackingOp): number {
  return Math.floor(op[1] / 32);
}

/** The op's stage+outcome index (0-23). */
export function opIndex(op: TrackingOp): number {
  return op[1] % 32;
}

/** The op's stage+outcome as the letter the tracking script records ('a' + index). */
export function opLetter(op: TrackingOp): string {
  return String.fromCharCode(97 + opIndex(op));
}

/**
 * Encodes an event for the tracking script. Times in the future (a producer's clock ahead of ours) are
 * clamped to receipt time so they cannot delay the paid-without-token count.
 */
export function toTrackingOp(event: VendEvent, nowMs: number): TrackingOp {
  const ms = Math.trunc(Math.min(event.occurredAtMs, nowMs));
  const success = event.outcome === 'success';
  const systemFailure = !success && event.error?.class !== 'customer';
  let bits = 0;
  if (success && event.stage === 'payment_received') bits |= OP_PAID;
  if (success && event.stage === 'token_generation') bits |= OP_TOKEN;
  if (success || systemFailure) bits |= OP_COUNTED;
  if (systemFailure) bits |= OP_SYSTEM_FAILURE;
  if (ms > nowMs - MINUTE_TTL_SECONDS * 1000) bits |= OP_IN_MINUTE;
  const index = STAGE_OUTCOME.get(event.stage)?.get(event.outcome) as number;
  return [event.attemptId, index + 32 * bits, ms, event.channel];
}

/** The other side of a payment→token pair an op completes: its time and the payment channel. */
export interface PairedWith {
  otherMs: number;
  channel: Channel;
}

/** What tracking answers for one op: 0 = replay, 1 = new, or new and completing a pair. */
export type OpReply = 0 | 1 | PairedWith;

/** A payment→token pair completed by an op: seconds between the two and the payment channel. */
export function pairedDuration(
  op: TrackingOp,
  reply: OpReply,
): { seconds: number; channel: Channel } | undefined {
  if (typeof reply !== 'object') return undefined;
  const seconds = (opBits(op) & OP_TOKEN ? op[2] - reply.otherMs : reply.otherMs - op[2]) / 1000;
  return { seconds: Math.max(0, seconds), channel: reply.channel };
}
