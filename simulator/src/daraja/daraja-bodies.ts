import { formatTransTime } from '../model/eat-time';
import type {
  C2B_RESULT_CODES,
  C2bCallbackBody,
  ForwardedValidationBody,
  StkCallbackBody,
} from './daraja-schemas';

/** KPLC's prepaid paybill ("KPLC PREPAID"). */
export const PREPAID_PAYBILL = '888880';

const shillings = (kes: number): string => kes.toFixed(2);

export interface C2bPayment {
  transId: string;
  atMs: number;
  amountKes: number;
  /** BillRefNumber exactly as the customer typed it. */
  account: string;
  msisdnMasked: string;
  firstName: string;
}

/** A C2B v2 request; `orgBalanceKes` is set on confirmations only (validation sends it blank). */
export function c2bBody(payment: C2bPayment, orgBalanceKes?: number): C2bCallbackBody {
  return {
    TransactionType: 'Pay Bill',
    TransID: payment.transId,
    TransTime: formatTransTime(payment.atMs),
    TransAmount: shillings(payment.amountKes),
    BusinessShortCode: PREPAID_PAYBILL,
    BillRefNumber: payment.account,
    InvoiceNumber: '',
    OrgAccountBalance: orgBalanceKes === undefined ? '' : shillings(orgBalanceKes),
    ThirdPartyTransID: '',
    MSISDN: payment.msisdnMasked,
    FirstName: payment.firstName,
    MiddleName: '',
    LastName: '',
  };
}

/** The validation request with the utility's answer attached, as our validation endpoint forwards it. */
export function forwardedValidation(
  payment: C2bPayment,
  resultCode: (typeof C2B_RESULT_CODES)[number],
): ForwardedValidationBody {
  return {
    ...c2bBody(payment),
    ResultCode: resultCode,
    ResultDesc: resultCode === '0' ? 'Accepted' : 'Rejected',
  };
}

export interface StkPush {
  merchantRequestId: string;
  checkoutRequestId: string;
}

export function stkSuccessCallback(
  push: StkPush,
  payment: { amountKes: number; receipt: string; atMs: number; phone: string },
): StkCallbackBody {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: push.merchantRequestId,
        CheckoutRequestID: push.checkoutRequestId,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
        CallbackMetadata: {
          Item: [
            { Name: 'Amount', Value: payment.amountKes },
            { Name: 'MpesaReceiptNumber', Value: payment.receipt },
            { Name: 'Balance' },
            { Name: 'TransactionDate', Value: Number(formatTransTime(payment.atMs)) },
            { Name: 'PhoneNumber', Value: Number(payment.phone) },
          ],
        },
      },
    },
  };
}

/** A failed push: no CallbackMetadata, ResultCode as a number. */
export function stkFailureCallback(push: StkPush, resultCode: number, resultDesc: string): StkCallbackBody {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: push.merchantRequestId,
        CheckoutRequestID: push.checkoutRequestId,
        ResultCode: resultCode,
        ResultDesc: resultDesc,
      },
    },
  };
}
