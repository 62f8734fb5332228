import { describe, expect, it } from 'vitest';
import { eatInstant } from '../model/eat-time';
import { c2bBody, forwardedValidation, stkFailureCallback, stkSuccessCallback } from './daraja-bodies';
import { c2bCallbackSchema, forwardedValidationSchema, stkCallbackSchema } from './daraja-schemas';

/** Samples from the Daraja documentation (shared/reference/payments.md, sources S1/S2), v2 masking applied. */
const DOC_C2B = {
  TransactionType: 'Pay Bill',
  TransID: 'RKTQDM7W6S',
  TransTime: '20191122063845',
  TransAmount: '10',
  BusinessShortCode: '600638',
  BillRefNumber: 'invoice008',
  InvoiceNumber: '',
  OrgAccountBalance: '',
  ThirdPartyTransID: '',
  MSISDN: '2547 ***** 126',
  FirstName: 'John',
  MiddleName: '',
  LastName: 'Doe',
};
const DOC_STK_SUCCESS = {
  Body: {
    stkCallback: {
      MerchantRequestID: '29115-34620561-1',
      CheckoutRequestID: 'ws_CO_191220191020363925',
      ResultCode: 0,
      ResultDesc: 'The service request is processed successfully.',
      CallbackMetadata: {
        Item: [
          { Name: 'Amount', Value: 1.0 },
          { Name: 'MpesaReceiptNumber', Value: 'NLJ7RT61SV' },
          { Name: 'TransactionDate', Value: 20191219102115 },
          { Name: 'PhoneNumber', Value: 254708374149 },
        ],
      },
    },
  },
};
const DOC_STK_CANCELLED = {
  Body: {
    stkCallback: {
      MerchantRequestID: '29115-34620561-1',
      CheckoutRequestID: 'ws_CO_191220191020363925',
      ResultCode: 1032,
      ResultDesc: 'Request canceled by user.',
    },
  },
};

const PAID_AT = eatInstant(2024, 6, 4, 19, 42);
const payment = {
  transId: 'SF41K7QX2B',
  atMs: PAID_AT,
  amountKes: 500,
  account: '14252321790',
  msisdnMasked: '2547 ***** 126',
  firstName: 'WANJIRU',
};
const push = { merchantRequestId: '29115-34620561-1', checkoutRequestId: 'ws_CO_04062024194200123456' };

describe('Daraja schemas', () => {
  it('accept the documented samples', () => {
    expect(c2bCallbackSchema.safeParse(DOC_C2B).success).toBe(true);
    expect(stkCallbackSchema.safeParse(DOC_STK_SUCCESS).success).toBe(true);
    expect(stkCallbackSchema.safeParse(DOC_STK_CANCELLED).success).toBe(true);
  });

  it('refuse shapes Safaricom never sends', () => {
    expect(c2bCallbackSchema.safeParse({ ...DOC_C2B, Extra: 'x' }).success).toBe(false);
    expect(c2bCallbackSchema.safeParse({ ...DOC_C2B, MSISDN: '254708374149' }).success).toBe(false);
    const stringCode = structuredClone(DOC_STK_CANCELLED) as {
      Body: { stkCallback: Record<string, unknown> };
    };
    stringCode.Body.stkCallback.ResultCode = '1032';
    expect(stkCallbackSchema.safeParse(stringCode).success).toBe(false);
    const failureWithMetadata = structuredClone(DOC_STK_SUCCESS) as {
      Body: { stkCallback: Record<string, unknown> };
    };
    failureWithMetadata.Body.stkCallback.ResultCode = 1;
    expect(stkCallbackSchema.safeParse(failureWithMetadata).success).toBe(false);
  });
});

describe('Daraja bodies we send', () => {
  it('build a C2B validation copy with the utility answer and a confirmation with the org balance', () => {
    const validation = forwardedValidationSchema.parse(forwardedValidation(payment, 'C2B00016'));
    expect(validation).toMatchObject({
      TransTime: '20240604194200',
      TransAmount: '500.00',
      BusinessShortCode: '888880',
      OrgAccountBalance: '',
      ResultCode: 'C2B00016',
      ResultDesc: 'Rejected',
    });
    const confirmation = c2bCallbackSchema.parse(c2bBody(payment, 1_234_567));
    expect(confirmation.OrgAccountBalance).toBe('1234567.00');
    expect(c2bCallbackSchema.safeParse(forwardedValidation(payment, '0')).success).toBe(false);
  });

  it('build STK callbacks with metadata on success only and numeric result codes', () => {
    const success = stkCallbackSchema.parse(
      stkSuccessCallback(push, {
        amountKes: 200,
        receipt: 'SF42ABCDEF',
        atMs: PAID_AT,
        phone: '254712345678',
      }),
    );
    const items =
      'CallbackMetadata' in success.Body.stkCallback ? success.Body.stkCallback.CallbackMetadata.Item : [];
    expect(items).toContainEqual({ Name: 'TransactionDate', Value: 20240604194200 });
    expect(items).toContainEqual({ Name: 'Balance' });
    const failure = stkCallbackSchema.parse(
      stkFailureCallback(push, 2001, 'The initiator information is invalid.'),
    );
    expect(failure.Body.stkCallback).not.toHaveProperty('CallbackMetadata');
    expect(failure.Body.stkCallback.ResultCode).toBe(2001);
  });
});
