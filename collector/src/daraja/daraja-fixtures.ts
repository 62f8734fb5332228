/**
 * Real-shaped Daraja callback bodies (field names, types and quirks as in Safaricom's Daraja 3.0 samples;
 * see shared/reference/payments.md). Used by unit and integration tests and by the benchmark.
 */

/** C2B v2 confirmation: strings everywhere, masked MSISDN, TransTime in EAT without a zone. */
export const c2bConfirmationV2 = {
  TransactionType: 'Pay Bill',
  TransID: 'RKL51ZDR4F',
  TransTime: '20240526083015',
  TransAmount: '1000.00',
  BusinessShortCode: '888880',
  BillRefNumber: '14252321790',
  InvoiceNumber: '',
  OrgAccountBalance: '49197.00',
  ThirdPartyTransID: '',
  MSISDN: '2547 ***** 126',
  FirstName: 'JOHN',
  MiddleName: '',
  LastName: '',
};

/** C2B validation request: same shape, blank balance. */
export const c2bValidationV2 = { ...c2bConfirmationV2, OrgAccountBalance: '' };

/** A forwarded validation copy carrying the utility's own rejection. */
export const c2bValidationRejectedCopy = {
  ...c2bValidationV2,
  TransID: 'RKL51ZDR5G',
  ResultCode: 'C2B00016',
  ResultDesc: 'Rejected',
};

/** The classic sandbox sample: empty TransactionType, numeric amount, Safaricom's numeric reject code. */
export const c2bLegacySandbox = {
  TransactionType: '',
  TransID: 'LHG31AA5TX',
  TransTime: '20170816190243',
  TransAmount: 200,
  BusinessShortCode: 600610,
  BillRefNumber: 'account',
  InvoiceNumber: '',
  OrgAccountBalance: '',
  ThirdPartyTransID: '',
  MSISDN: '254708374149',
  FirstName: 'John',
  MiddleName: '',
  LastName: 'Doe',
  ResultCode: 1,
  ResultDesc: 'Validation failure due to internal service error',
};

/** STK callback, success: numeric ResultCode, Balance item without Value, numeric TransactionDate. */
export const stkSuccess = {
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
          { Name: 'Balance' },
          { Name: 'TransactionDate', Value: 20191219102115 },
          { Name: 'PhoneNumber', Value: 254708374149 },
        ],
      },
    },
  },
};

/** STK callback, cancelled by the customer: no CallbackMetadata. */
export const stkCancelled = {
  Body: {
    stkCallback: {
      MerchantRequestID: '8555-67195-1',
      CheckoutRequestID: 'ws_CO_27072017151044001',
      ResultCode: 1032,
      ResultDesc: 'Request cancelled by user',
    },
  },
};

/** STK callback, the customer never answered: ResultCode sent as a string. */
export const stkUnreachable = {
  Body: {
    stkCallback: {
      MerchantRequestID: '8555-67195-2',
      CheckoutRequestID: 'ws_CO_27072017151044002',
      ResultCode: '1037',
      ResultDesc: 'No response from user.',
    },
  },
};

/** STK callback, system busy on the M-Pesa side. */
export const stkSystemBusy = {
  Body: {
    stkCallback: {
      MerchantRequestID: '8555-67195-3',
      CheckoutRequestID: 'ws_CO_27072017151044003',
      ResultCode: 26,
      ResultDesc: 'System busy. The service request is rejected.',
    },
  },
};
