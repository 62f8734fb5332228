import type { VendEvent } from '@stimawatch/core';
import { z } from 'zod';
import { isSuccessCode, parseDarajaTime, resultCodeText, shillingsToMinor } from './daraja-values';
import { vendErrorFor } from './vend-error';

const text = z.union([z.string(), z.number()]).transform(String);

/**
 * A C2B validation or confirmation request as Safaricom sends it (both share one shape). Personal fields
 * (MSISDN, names, BillRefNumber) are not read: zod strips them. A forwarded validation copy may carry the
 * utility's own answer as extra `ResultCode`/`ResultDesc` fields.
 */
export const c2bCallbackSchema = z.object({
  TransactionType: z.string().optional(),
  TransID: z.string().trim().min(1).max(128),
  TransTime: text.optional(),
  TransAmount: text.optional(),
  BusinessShortCode: text.optional(),
  ResultCode: text.optional(),
  ResultDesc: z.string().optional(),
});
export type C2bCallback = z.output<typeof c2bCallbackSchema>;

function baseEvent(callback: C2bCallback, receivedAtMs: number): Omit<VendEvent, 'stage' | 'outcome'> {
  const event: Omit<VendEvent, 'stage' | 'outcome'> = {
    version: 1,
    attemptId: callback.TransID,
    channel: 'mpesa_c2b',
    occurredAtMs: parseDarajaTime(callback.TransTime) ?? receivedAtMs,
    currency: 'KES',
  };
  const amountMinor = shillingsToMinor(callback.TransAmount);
  if (amountMinor !== undefined) event.amountMinor = amountMinor;
  return event;
}

/** C2B validation → `payment_validation`: rejected with the utility's code when its answer was non-zero. */
export function c2bValidationEvent(callback: C2bCallback, receivedAtMs: number): VendEvent {
  const code = resultCodeText(callback.ResultCode);
  if (isSuccessCode(code))
    return { ...baseEvent(callback, receivedAtMs), stage: 'payment_validation', outcome: 'success' };
  return {
    ...baseEvent(callback, receivedAtMs),
    stage: 'payment_validation',
    outcome: 'rejected',
    error: vendErrorFor('mpesa_c2b', code as string),
  };
}

/** C2B confirmation → `payment_received`/`success`; the receipt (TransID) is the attempt id. */
export function c2bConfirmationEvent(callback: C2bCallback, receivedAtMs: number): VendEvent {
  return { ...baseEvent(callback, receivedAtMs), stage: 'payment_received', outcome: 'success' };
}

/** What Daraja expects back (Safaricom C2B docs). */
export const C2B_VALIDATION_ACK = { ResultCode: '0', ResultDesc: 'Accepted' } as const;
export const C2B_CONFIRMATION_ACK = { ResultCode: 0, ResultDesc: 'Success' } as const;
