import { z } from 'zod';
import { normaliseErrorCode } from './error-codes';
import { CHANNELS, ERROR_CLASSES, ERROR_DOMAINS, OUTCOMES, STAGES } from './vend-labels';

export const VEND_EVENT_VERSION = 1;

const vendErrorInputSchema = z.object({
  domain: z.enum(ERROR_DOMAINS),
  rawCode: z.union([z.string().trim().min(1).max(64), z.number()]).transform(String),
  /** Optional hints from the producer; the normalisation table is authoritative and overrides them. */
  code: z.string().max(64).optional(),
  class: z.enum(ERROR_CLASSES).optional(),
  retryable: z.boolean().optional(),
  message: z.string().max(500).optional(),
});

/**
 * A vend-attempt stage event, version 1: one stage of one purchase reached an outcome.
 * Unknown fields are ignored (zod strips them), so producers can send richer objects.
 */
export const vendEventInputSchema = z.object({
  version: z.literal(VEND_EVENT_VERSION).default(VEND_EVENT_VERSION),
  attemptId: z.string().trim().min(1).max(128),
  channel: z.enum(CHANNELS),
  stage: z.enum(STAGES),
  outcome: z.enum(OUTCOMES),
  /** When the stage finished: ISO 8601 with zone, or epoch milliseconds. Defaults to receipt time. */
  occurredAt: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]).optional(),
  amountMinor: z.number().int().nonnegative().max(1e12).optional(),
  currency: z.string().length(3).default('KES'),
  latencyMs: z.number().nonnegative().max(86_400_000).optional(),
  error: vendErrorInputSchema.optional(),
  /** Personal data: used for correlation only, never a label or a log field. */
  meterNumber: z.string().max(32).optional(),
});
export type VendEventInput = z.input<typeof vendEventInputSchema>;

export interface VendError {
  domain: (typeof ERROR_DOMAINS)[number];
  rawCode: string;
  code: string;
  class: (typeof ERROR_CLASSES)[number];
  retryable: boolean;
}

/** A validated event with its error normalised and its time resolved. */
export interface VendEvent {
  version: typeof VEND_EVENT_VERSION;
  attemptId: string;
  channel: (typeof CHANNELS)[number];
  stage: (typeof STAGES)[number];
  outcome: (typeof OUTCOMES)[number];
  occurredAtMs: number;
  amountMinor?: number;
  currency: string;
  latencyMs?: number;
  error?: VendError;
}

const UNSPECIFIED_FAILURE: Omit<VendError, 'domain'> = {
  rawCode: 'UNSPECIFIED',
  code: 'UNKNOWN',
  class: 'system',
  retryable: true,
};

/** Validates then normalises: the error code goes through the one normalisation table. */
export function toVendEvent(input: z.output<typeof vendEventInputSchema>, receivedAtMs: number): VendEvent {
  const occurredAtMs =
    input.occurredAt === undefined
      ? receivedAtMs
      : typeof input.occurredAt === 'number'
        ? input.occurredAt
        : Date.parse(input.occurredAt);
  const event: VendEvent = {
    version: VEND_EVENT_VERSION,
    attemptId: input.attemptId,
    channel: input.channel,
    stage: input.stage,
    outcome: input.outcome,
    occurredAtMs,
    currency: input.currency,
  };
  if (input.amountMinor !== undefined) event.amountMinor = input.amountMinor;
  if (input.latencyMs !== undefined) event.latencyMs = input.latencyMs;
  if (input.error) {
    const normalised = normaliseErrorCode(input.error.domain, input.error.rawCode);
    event.error = {
      domain: input.error.domain,
      rawCode: input.error.rawCode,
      code: normalised.code,
      class: normalised.class,
      retryable: normalised.retryable,
    };
  } else if (input.outcome !== 'success') {
    event.error = { domain: 'other', ...UNSPECIFIED_FAILURE };
  }
  return event;
}
