import type { Outcome, VendEvent } from '@stimawatch/core';
import { z } from 'zod';
import { isSuccessCode, parseDarajaTime, resultCodeText, shillingsToMinor } from './daraja-values';
import { vendErrorFor } from './vend-error';

const itemSchema = z.object({ Name: z.string(), Value: z.unknown().optional() });

/** An STK push (M-Pesa Express) callback as Safaricom sends it; `Value` may be missing on an item. */
export const stkCallbackSchema = z.object({
  Body: z.object({
    stkCallback: z.object({
      MerchantRequestID: z.string().optional(),
      CheckoutRequestID: z.string().trim().min(1).max(128),
      ResultCode: z.union([z.string().trim().min(1).max(64), z.number()]),
      ResultDesc: z.string().optional(),
      CallbackMetadata: z
        .object({
          Item: z.preprocess(
            (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
            z.array(itemSchema),
          ),
        })
        .optional(),
    }),
  }),
});
export type StkCallback = z.output<typeof stkCallbackSchema>;

/** ResultCodes where the customer never answered the prompt in time. */
const TIMEOUT_CODES = new Set(['1037', '1019', '1036']);

function itemValue(callback: StkCallback, name: string): string | number | undefined {
  const items = callback.Body.stkCallback.CallbackMetadata?.Item ?? [];
  const value = items.find((item) => item.Name === name)?.Value;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * STK callback → `payment_received`: ResultCode 0 is a success; otherwise customer-caused codes
 * (cancelled, wrong PIN, insufficient funds…) are `rejected`, unanswered prompts `timeout`, the rest `failed`.
 */
export function stkCallbackEvent(callback: StkCallback, receivedAtMs: number): VendEvent {
  const stk = callback.Body.stkCallback;
  const code = resultCodeText(stk.ResultCode) ?? '0';
  const event: VendEvent = {
    version: 1,
    attemptId: stk.CheckoutRequestID,
    channel: 'mpesa_stk',
    stage: 'payment_received',
    outcome: 'success',
    occurredAtMs: parseDarajaTime(itemValue(callback, 'TransactionDate')) ?? receivedAtMs,
    currency: 'KES',
  };
  const amountMinor = shillingsToMinor(itemValue(callback, 'Amount'));
  if (amountMinor !== undefined) event.amountMinor = amountMinor;
  if (isSuccessCode(code)) return event;
  const error = vendErrorFor('mpesa_stk', code);
  const outcome: Outcome = TIMEOUT_CODES.has(code)
    ? 'timeout'
    : error.class === 'customer'
      ? 'rejected'
      : 'failed';
  return { ...event, outcome, error };
}

export const STK_CALLBACK_ACK = { ResultCode: 0, ResultDesc: 'Accepted' } as const;
