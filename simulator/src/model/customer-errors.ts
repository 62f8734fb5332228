/**
 * Error rates per attempt. Customer-caused rates are typical of M-Pesa Express integrations (a third-party
 * assumption, not a KPLC figure): many STK prompts are dismissed or time out on the phone. System rates are the
 * quiet background a healthy platform shows. Raw codes are as the wire sends them (see core error-codes.ts).
 */

/** STK ResultCodes for a push that did not end in payment, with their share of all STK attempts. */
export const STK_FAILURES = {
  '1032': { share: 0.07, desc: 'Request cancelled by user', delayMs: [5_000, 25_000] },
  '1': { share: 0.04, desc: 'The balance is insufficient for the transaction.', delayMs: [8_000, 20_000] },
  '1037': { share: 0.03, desc: 'DS timeout user cannot be reached', delayMs: [55_000, 65_000] },
  '2001': { share: 0.02, desc: 'The initiator information is invalid.', delayMs: [10_000, 30_000] },
  '1001': {
    share: 0.005,
    desc: 'Unable to lock subscriber, a transaction is already in process for the current subscriber',
    delayMs: [1_000, 3_000],
  },
  '17': { share: 0.003, desc: 'Rule limited.', delayMs: [1_000, 3_000] },
  '1036': { share: 0.0005, desc: 'SMSC ACK timeout', delayMs: [30_000, 45_000] },
  '26': { share: 0.0003, desc: 'System busy. The service request is rejected.', delayMs: [500, 2_000] },
} as const satisfies Record<string, { share: number; desc: string; delayMs: readonly [number, number] }>;
export type StkFailureCode = keyof typeof STK_FAILURES;

export const STK_SUCCESS_DESC = 'The service request is processed successfully.';

/** C2B validation answers of a healthy utility (share of all paybill attempts). */
export const C2B_VALIDATION_REJECTS = {
  /** Customer typed a meter number that does not exist (typos, an old meter). */
  C2B00012: { share: 0.015, desc: 'Invalid Account Number' },
  /** Below the minimum purchase. */
  C2B00013: { share: 0.003, desc: 'Invalid Amount' },
} as const;
export type C2bRejectCode = keyof typeof C2B_VALIDATION_REJECTS;

/** Vending-side outcomes once paid (share of paid attempts). */
export const VENDING_RATES = {
  /** Meter blocked (tamper, disconnection order): meter_lookup rejected, payment refunded later. */
  blockedMeter: 0.001,
  /** Over-the-counter channels (bank, agent) type the meter number: unknown meter at lookup. */
  unknownMeterCounter: 0.01,
  /** Background system errors, each retried by the platform and then successful. */
  lookupDbUnavailable: 0.0002,
  tokenSystemError: 0.001,
  tokenTimeout: 0.0002,
  keyChangeRequired: 0.0005,
  smsFailed: 0.003,
} as const;
