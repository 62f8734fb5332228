import { CHANNELS, OUTCOMES, STAGES, type VendError, type VendEvent } from '@stimawatch/core';
import type { BatchRejection } from './parse-event-batch';
import type { ValidatedBatch } from './read-vend-events';

/**
 * A validated batch as a few columns, so it crosses from the parse worker to the request thread as one
 * string and some typed arrays (cheap to copy, and their buffers are transferred) rather than as one
 * object per event for structured clone to walk and rebuild.
 */
export interface EncodedBatch {
  /** Every attempt id, one after the other. */
  ids: string;
  /** Where each event's attempt id ends in `ids`. */
  idEnds: Int32Array;
  /** Per event: channel, stage and outcome indexes, which optional fields it has, its currency. */
  labels: Int32Array;
  /** Per event: occurredAtMs, amountMinor (0 when absent), latencyMs (0 when absent). */
  numbers: Float64Array;
  /** The distinct currencies, indexed from `labels`. */
  currencies: string[];
  /** The errors of the events that have one, in event order. */
  errors: VendError[];
  rejected: BatchRejection[];
}

const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((value, index) => [value, index]));
const STAGE_INDEX = new Map<string, number>(STAGES.map((value, index) => [value, index]));
const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((value, index) => [value, index]));

const STAGE_SHIFT = 4;
const OUTCOME_SHIFT = 8;
const HAS_AMOUNT = 1 << 12;
const HAS_LATENCY = 1 << 13;
const HAS_ERROR = 1 << 14;
const CURRENCY_SHIFT = 16;
const FOUR_BITS = 0xf;
const NUMBERS_PER_EVENT = 3;

export function encodeBatch(batch: ValidatedBatch): EncodedBatch {
  const { events } = batch;
  const idEnds = new Int32Array(events.length);
  const labels = new Int32Array(events.length);
  const numbers = new Float64Array(events.length * NUMBERS_PER_EVENT);
  const currencies: string[] = [];
  const errors: VendError[] = [];
  let ids = '';
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as VendEvent;
    ids += event.attemptId;
    idEnds[index] = ids.length;
    let currency = currencies.indexOf(event.currency);
    if (currency < 0) currency = currencies.push(event.currency) - 1;
    let label =
      (CHANNEL_INDEX.get(event.channel) as number) |
      ((STAGE_INDEX.get(event.stage) as number) << STAGE_SHIFT) |
      ((OUTCOME_INDEX.get(event.outcome) as number) << OUTCOME_SHIFT) |
      (currency << CURRENCY_SHIFT);
    const at = index * NUMBERS_PER_EVENT;
    numbers[at] = event.occurredAtMs;
    if (event.amountMinor !== undefined) {
      label |= HAS_AMOUNT;
      numbers[at + 1] = event.amountMinor;
    }
    if (event.latencyMs !== undefined) {
      label |= HAS_LATENCY;
      numbers[at + 2] = event.latencyMs;
    }
    if (event.error !== undefined) {
      label |= HAS_ERROR;
      errors.push(event.error);
    }
    labels[index] = label;
  }
  return { ids, idEnds, labels, numbers, currencies, errors, rejected: batch.rejected };
}

/** The buffers `encodeBatch` made, to transfer rather than copy. */
export function transferables(encoded: EncodedBatch): ArrayBuffer[] {
  return [encoded.idEnds.buffer, encoded.labels.buffer, encoded.numbers.buffer] as ArrayBuffer[];
}

export function decodeBatch(encoded: EncodedBatch): ValidatedBatch {
  const { ids, idEnds, labels, numbers, currencies, errors } = encoded;
  const events: VendEvent[] = new Array(labels.length);
  let idStart = 0;
  let nextError = 0;
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index] as number;
    const idEnd = idEnds[index] as number;
    const at = index * NUMBERS_PER_EVENT;
    const event: VendEvent = {
      version: 1,
      attemptId: ids.slice(idStart, idEnd),
      channel: CHANNELS[label & FOUR_BITS] as VendEvent['channel'],
      stage: STAGES[(label >> STAGE_SHIFT) & FOUR_BITS] as VendEvent['stage'],
      outcome: OUTCOMES[(label >> OUTCOME_SHIFT) & FOUR_BITS] as VendEvent['outcome'],
      occurredAtMs: numbers[at] as number,
      currency: currencies[label >>> CURRENCY_SHIFT] as string,
    };
    if (label & HAS_AMOUNT) event.amountMinor = numbers[at + 1] as number;
    if (label & HAS_LATENCY) event.latencyMs = numbers[at + 2] as number;
    if (label & HAS_ERROR) event.error = errors[nextError++] as VendError;
    events[index] = event;
    idStart = idEnd;
  }
  return { events, rejected: encoded.rejected };
}
