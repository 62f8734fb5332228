import {
  CHANNELS,
  type Channel,
  ERROR_DOMAINS,
  type ErrorDomain,
  normaliseErrorCode,
  OUTCOMES,
  type Outcome,
  STAGES,
  type Stage,
  type VendEvent,
  vendEventInputSchema,
} from '@stimawatch/core';

/**
 * Label values by name, answering the shared constant: an event keeps it instead of the string JSON.parse
 * made, so those strings die young rather than being copied by the garbage collector while Redis answers.
 */
const canonical = <T extends string>(values: readonly T[]) =>
  new Map<string, T>(values.map((value) => [value, value]));
const CHANNEL_BY_NAME = canonical<Channel>(CHANNELS);
const STAGE_BY_NAME = canonical<Stage>(STAGES);
const OUTCOME_BY_NAME = canonical<Outcome>(OUTCOMES);
const DOMAIN_SET = new Set<string>(ERROR_DOMAINS);
const occurredAtString = vendEventInputSchema.shape.occurredAt;
const errorSchema = vendEventInputSchema.shape.error;

const UNSPECIFIED_FAILURE = {
  domain: 'other',
  rawCode: 'UNSPECIFIED',
  code: 'UNKNOWN',
  class: 'system',
  retryable: true,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The common case of `toVendEvent(vendEventInputSchema.parse(value))` without zod's per-object cost:
 * it returns the same event for the shapes producers send, and `undefined` for anything it is not sure
 * about (the caller then runs the zod schema, which also words the error). A property test holds it to
 * exact agreement with the schema.
 */
export function fastVendEvent(value: unknown, receivedAtMs: number): VendEvent | undefined {
  if (!isObject(value)) return undefined;
  const {
    version,
    attemptId,
    channel,
    stage,
    outcome,
    occurredAt,
    amountMinor,
    currency,
    latencyMs,
    error,
    meterNumber,
  } = value;
  if (version !== undefined && version !== 1) return undefined;
  if (typeof attemptId !== 'string') return undefined;
  const id = attemptId.trim();
  if (id.length < 1 || id.length > 128) return undefined;
  const knownChannel = typeof channel === 'string' ? CHANNEL_BY_NAME.get(channel) : undefined;
  const knownStage = typeof stage === 'string' ? STAGE_BY_NAME.get(stage) : undefined;
  const knownOutcome = typeof outcome === 'string' ? OUTCOME_BY_NAME.get(outcome) : undefined;
  if (knownChannel === undefined || knownStage === undefined || knownOutcome === undefined) return undefined;
  let occurredAtMs = receivedAtMs;
  if (typeof occurredAt === 'number') {
    if (!Number.isSafeInteger(occurredAt) || occurredAt <= 0) return undefined;
    occurredAtMs = occurredAt;
  } else if (typeof occurredAt === 'string') {
    if (!occurredAtString.safeParse(occurredAt).success) return undefined;
    occurredAtMs = Date.parse(occurredAt);
  } else if (occurredAt !== undefined) return undefined;
  if (
    amountMinor !== undefined &&
    !(Number.isSafeInteger(amountMinor) && (amountMinor as number) >= 0 && (amountMinor as number) <= 1e12)
  ) {
    return undefined;
  }
  if (currency !== undefined && !(typeof currency === 'string' && currency.length === 3)) return undefined;
  if (
    latencyMs !== undefined &&
    !(typeof latencyMs === 'number' && latencyMs >= 0 && latencyMs <= 86_400_000)
  ) {
    return undefined;
  }
  if (meterNumber !== undefined && !(typeof meterNumber === 'string' && meterNumber.length <= 32))
    return undefined;
  const event: VendEvent = {
    version: 1,
    attemptId: id,
    channel: knownChannel,
    stage: knownStage,
    outcome: knownOutcome,
    occurredAtMs,
    currency: (currency as string | undefined) ?? 'KES',
  };
  if (amountMinor !== undefined) event.amountMinor = amountMinor as number;
  if (latencyMs !== undefined) event.latencyMs = latencyMs as number;
  if (error !== undefined) {
    if (!isObject(error) || typeof error.domain !== 'string' || !DOMAIN_SET.has(error.domain))
      return undefined;
    const parsed = errorSchema.safeParse(error);
    if (!parsed.success || parsed.data === undefined) return undefined;
    const domain = error.domain as ErrorDomain;
    const normalised = normaliseErrorCode(domain, parsed.data.rawCode);
    event.error = {
      domain,
      rawCode: parsed.data.rawCode,
      code: normalised.code,
      class: normalised.class,
      retryable: normalised.retryable,
    };
  } else if (knownOutcome !== 'success') {
    event.error = { ...UNSPECIFIED_FAILURE };
  }
  return event;
}
