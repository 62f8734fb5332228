import type { ErrorClass, ErrorDomain } from './vend-labels';

/** What a raw payment or vending error code means once normalised. */
export interface NormalisedError {
  code: string;
  class: ErrorClass;
  retryable: boolean;
  description: string;
}

type Row = readonly [
  rawCodes: readonly string[],
  code: string,
  cls: ErrorClass,
  retryable: boolean,
  text: string,
];

/**
 * The one table of raw codes per domain. Sources: Safaricom Daraja 3.0 docs (C2B validation result codes,
 * STK ResultCodes, API error codes) and XMLVend 2.1 fault names for the vending platform; see
 * shared/reference/payments.md. Customer-caused codes are excluded from the vend SLO.
 */
const TABLE: Record<ErrorDomain, readonly Row[]> = {
  mpesa_c2b: [
    [['C2B00011'], 'INVALID_MSISDN', 'customer', false, 'Invalid MSISDN'],
    [['C2B00012'], 'UNKNOWN_METER', 'customer', false, 'Invalid account number (meter not found)'],
    [['C2B00013'], 'INVALID_AMOUNT', 'customer', false, 'Invalid amount (below minimum or above maximum)'],
    [['C2B00014'], 'INVALID_KYC', 'customer', false, 'Invalid KYC details'],
    [['C2B00015'], 'INVALID_SHORTCODE', 'system', false, 'Invalid shortcode (paybill misconfigured)'],
    [
      ['C2B00016', '1'],
      'VALIDATION_REJECTED',
      'system',
      true,
      'Other error: our validation rejected the payment',
    ],
    [
      ['TIMEOUT'],
      'VALIDATION_TIMEOUT',
      'system',
      true,
      'Validation did not answer within the Daraja deadline',
    ],
  ],
  mpesa_stk: [
    [['1'], 'INSUFFICIENT_FUNDS', 'customer', false, 'The balance is insufficient for the transaction'],
    [['2'], 'AMOUNT_BELOW_MIN', 'customer', false, 'Declined: amount below the minimum'],
    [['3'], 'AMOUNT_ABOVE_MAX', 'customer', false, 'Declined: amount above the maximum'],
    [['4'], 'DAILY_LIMIT', 'customer', false, 'Would exceed the daily transfer limit'],
    [['8'], 'BILLER_BALANCE_LIMIT', 'system', false, 'Would exceed the maximum balance of the paybill'],
    [['17'], 'RULE_LIMITED', 'customer', true, 'Same amount from the same customer within two minutes'],
    [['26'], 'SYSTEM_BUSY', 'system', true, 'System busy: traffic blocking condition in place'],
    [
      ['1001'],
      'SUBSCRIBER_LOCKED',
      'customer',
      true,
      'A transaction is already in process for the subscriber',
    ],
    [['1019'], 'TRANSACTION_EXPIRED', 'customer', true, 'Transaction has expired'],
    [['1025', '9999'], 'PUSH_SEND_ERROR', 'system', true, 'Error occurred while sending the push request'],
    [['1031', '1032'], 'CANCELLED_BY_USER', 'customer', false, 'Request cancelled by user'],
    [['1036'], 'SMSC_TIMEOUT', 'system', true, 'SMSC acknowledgement timeout'],
    [['1037'], 'USER_UNREACHABLE', 'customer', true, 'DS timeout: user cannot be reached'],
    [['2001'], 'WRONG_PIN', 'customer', false, 'The initiator information is invalid (wrong PIN)'],
    [['2028'], 'PRODUCT_NOT_PERMITTED', 'system', false, 'Request not permitted by product assignment'],
    [['8006'], 'CREDENTIAL_LOCKED', 'customer', false, 'The security credential is locked'],
    [['SFC_IC0003'], 'OPERATOR_NOT_FOUND', 'system', false, 'The operator does not exist'],
  ],
  daraja_api: [
    [
      ['400.002.02', '400.002.05'],
      'DARAJA_BAD_REQUEST',
      'system',
      false,
      'Daraja rejected the request payload',
    ],
    [['400.003.01', '404.001.03'], 'DARAJA_INVALID_TOKEN', 'system', true, 'Daraja access token invalid'],
    [['404.001.01', '404.003.01'], 'DARAJA_NOT_FOUND', 'system', false, 'Daraja resource not found'],
    [['500.001.1001'], 'DARAJA_MERCHANT_ERROR', 'system', true, 'Merchant does not exist or is busy'],
    [['500.003.1001'], 'DARAJA_INTERNAL', 'system', true, 'Daraja internal server error'],
    [['500.003.02'], 'SYSTEM_BUSY', 'system', true, 'Daraja system busy (spike arrest violation)'],
    [['500.003.03'], 'DARAJA_QUOTA', 'system', true, 'Daraja quota violation'],
  ],
  vending: [
    [['UnknownMeterEx', 'UNKNOWN_METER'], 'UNKNOWN_METER', 'customer', false, 'Meter number not known'],
    [
      ['MSNOCheckDigitEx', 'METER_CHECK_DIGIT'],
      'UNKNOWN_METER',
      'customer',
      false,
      'Meter number check digit',
    ],
    [['BlockedMeterEx', 'BLOCKED_METER'], 'BLOCKED_METER', 'customer', false, 'Meter blocked'],
    [
      ['LatestKRNEx', 'KEY_CHANGE_REQUIRED'],
      'KEY_CHANGE_REQUIRED',
      'system',
      false,
      'Meter key change required',
    ],
    [
      ['InsufficientMeterDataEx', 'STSDataEx'],
      'METER_DATA_INCOMPLETE',
      'system',
      false,
      'Meter data incomplete',
    ],
    [['SystemEx', 'VENDING_SYSTEM_ERROR'], 'VENDING_SYSTEM_ERROR', 'system', true, 'Vending system error'],
    [
      ['HSM_UNAVAILABLE', 'HSMUnavailableEx'],
      'HSM_UNAVAILABLE',
      'system',
      true,
      'Security module unavailable',
    ],
    [['VendorCreditEx', '202'], 'VENDOR_CREDIT', 'system', false, 'Vendor float insufficient'],
    [['DebtEx'], 'DEBT_RECOVERY', 'customer', false, 'Payment absorbed by debt recovery'],
    [['206', 'AMOUNT_LIMIT'], 'INVALID_AMOUNT', 'customer', false, 'Amount below minimum or above maximum'],
    [['DB_UNAVAILABLE'], 'DB_UNAVAILABLE', 'system', true, 'Vending database unavailable'],
    [['TIMEOUT'], 'VENDING_TIMEOUT', 'system', true, 'Vending platform did not answer in time'],
  ],
  sms: [
    [['SMS_FAILED', 'UndeliverableNumber'], 'TOKEN_SMS_FAILED', 'system', true, 'Token SMS not delivered'],
    [['InvalidPhoneNumber'], 'INVALID_MSISDN', 'customer', false, 'Invalid phone number'],
  ],
  other: [],
};

const LOOKUP = new Map<string, NormalisedError>();
for (const [domain, rows] of Object.entries(TABLE)) {
  for (const [rawCodes, code, cls, retryable, description] of rows) {
    for (const raw of rawCodes) {
      LOOKUP.set(`${domain}|${raw.toUpperCase()}`, { code, class: cls, retryable, description });
    }
  }
}

export const UNKNOWN_ERROR: NormalisedError = Object.freeze({
  code: 'UNKNOWN',
  class: 'system',
  retryable: true,
  description: 'Code not in the normalisation table (counted against the SLO until classified)',
});

/** Normalises a raw code (string or number, as the wire sends it); unknown codes become `UNKNOWN`. */
export function normaliseErrorCode(domain: ErrorDomain, rawCode: string | number): NormalisedError {
  return LOOKUP.get(`${domain}|${String(rawCode).trim().toUpperCase()}`) ?? UNKNOWN_ERROR;
}

/** Every normalised code the table can produce (bounded label values for `code`). */
export const NORMALISED_CODES: readonly string[] = [
  ...new Set([...LOOKUP.values()].map((entry) => entry.code)),
  UNKNOWN_ERROR.code,
];
