import { describe, expect, it } from 'vitest';
import { c2bCallbackSchema, c2bConfirmationEvent, c2bValidationEvent } from './c2b-callback';
import {
  c2bConfirmationV2,
  c2bLegacySandbox,
  c2bValidationRejectedCopy,
  c2bValidationV2,
  stkCancelled,
  stkSuccess,
  stkSystemBusy,
  stkUnreachable,
} from './daraja-fixtures';
import { stkCallbackEvent, stkCallbackSchema } from './stk-callback';

const RECEIVED = Date.parse('2024-05-26T06:00:00Z');

describe('C2B callbacks', () => {
  it('maps a confirmation to payment_received/success keyed by TransID', () => {
    const event = c2bConfirmationEvent(c2bCallbackSchema.parse(c2bConfirmationV2), RECEIVED);
    expect(event).toEqual({
      version: 1,
      attemptId: 'RKL51ZDR4F',
      channel: 'mpesa_c2b',
      stage: 'payment_received',
      outcome: 'success',
      occurredAtMs: Date.parse('2024-05-26T05:30:15Z'),
      amountMinor: 100_000,
      currency: 'KES',
    });
  });

  it('never carries personal fields (MSISDN, names, account) into the event', () => {
    const parsed = c2bCallbackSchema.parse(c2bConfirmationV2);
    expect(JSON.stringify(parsed)).not.toMatch(/2547|JOHN|14252321790/);
  });

  it('maps a validation copy without an answer to payment_validation/success', () => {
    const event = c2bValidationEvent(c2bCallbackSchema.parse(c2bValidationV2), RECEIVED);
    expect(event).toMatchObject({ stage: 'payment_validation', outcome: 'success' });
    expect(event.error).toBeUndefined();
  });

  it('maps the utility answer C2B00016 to rejected with the normalised mpesa_c2b error', () => {
    const event = c2bValidationEvent(c2bCallbackSchema.parse(c2bValidationRejectedCopy), RECEIVED);
    expect(event).toMatchObject({
      stage: 'payment_validation',
      outcome: 'rejected',
      error: { domain: 'mpesa_c2b', rawCode: 'C2B00016', code: 'VALIDATION_REJECTED', class: 'system' },
    });
  });

  it('reads the legacy sandbox shape (numbers, numeric reject code 1)', () => {
    const callback = c2bCallbackSchema.parse(c2bLegacySandbox);
    const event = c2bValidationEvent(callback, RECEIVED);
    expect(event).toMatchObject({ attemptId: 'LHG31AA5TX', amountMinor: 20_000, outcome: 'rejected' });
    expect(event.error).toMatchObject({ rawCode: '1', code: 'VALIDATION_REJECTED' });
    expect(event.occurredAtMs).toBe(Date.parse('2017-08-16T16:02:43Z'));
  });

  it('falls back to receipt time when TransTime is unreadable, and refuses a missing TransID', () => {
    const callback = c2bCallbackSchema.parse({ ...c2bConfirmationV2, TransTime: '26/05/2024' });
    expect(c2bConfirmationEvent(callback, RECEIVED).occurredAtMs).toBe(RECEIVED);
    expect(c2bCallbackSchema.safeParse({ ...c2bConfirmationV2, TransID: '' }).success).toBe(false);
  });
});

describe('STK callbacks', () => {
  it('maps ResultCode 0 to payment_received/success with amount and EAT time, Balance without Value', () => {
    const event = stkCallbackEvent(stkCallbackSchema.parse(stkSuccess), RECEIVED);
    expect(event).toEqual({
      version: 1,
      attemptId: 'ws_CO_191220191020363925',
      channel: 'mpesa_stk',
      stage: 'payment_received',
      outcome: 'success',
      occurredAtMs: Date.parse('2019-12-19T07:21:15Z'),
      amountMinor: 100,
      currency: 'KES',
    });
  });

  it.each([
    [stkCancelled, 'rejected', 'CANCELLED_BY_USER', 'customer'],
    [stkUnreachable, 'timeout', 'USER_UNREACHABLE', 'customer'],
    [stkSystemBusy, 'failed', 'SYSTEM_BUSY', 'system'],
  ])('maps a failed callback to its outcome and normalised error', (body, outcome, code, cls) => {
    const event = stkCallbackEvent(stkCallbackSchema.parse(body), RECEIVED);
    expect(event).toMatchObject({
      stage: 'payment_received',
      outcome,
      error: { domain: 'mpesa_stk', code, class: cls },
    });
    expect(event.occurredAtMs).toBe(RECEIVED);
    expect(event.amountMinor).toBeUndefined();
  });

  it.each([
    ['2001', 'rejected', 'WRONG_PIN'],
    ['1019', 'timeout', 'TRANSACTION_EXPIRED'],
    ['1', 'rejected', 'INSUFFICIENT_FUNDS'],
    ['9998', 'failed', 'UNKNOWN'],
  ])('ResultCode %s → %s (%s)', (code, outcome, normalised) => {
    const body = { Body: { stkCallback: { ...stkCancelled.Body.stkCallback, ResultCode: code } } };
    expect(stkCallbackEvent(stkCallbackSchema.parse(body), RECEIVED)).toMatchObject({
      outcome,
      error: { code: normalised },
    });
  });

  it('accepts a single metadata item not wrapped in an array', () => {
    const body = {
      Body: {
        stkCallback: {
          ...stkSuccess.Body.stkCallback,
          CallbackMetadata: { Item: { Name: 'Amount', Value: 50 } },
        },
      },
    };
    expect(stkCallbackEvent(stkCallbackSchema.parse(body), RECEIVED).amountMinor).toBe(5000);
  });
});
