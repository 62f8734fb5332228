/** Bounded label values shared by events, metrics, rules and dashboards (DESIGN section 4, contract). */
export const STAGES = [
  'payment_initiated',
  'payment_validation',
  'payment_received',
  'meter_lookup',
  'token_generation',
  'token_delivery_sms',
] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = ['mpesa_c2b', 'mpesa_stk', 'airtel_money', 'bank', 'ussd', 'app', 'agent'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['success', 'rejected', 'failed', 'timeout'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ERROR_CLASSES = ['customer', 'system'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** Where a raw error code comes from: the same raw string means different things in different domains. */
export const ERROR_DOMAINS = ['mpesa_c2b', 'mpesa_stk', 'daraja_api', 'vending', 'sms', 'other'] as const;
export type ErrorDomain = (typeof ERROR_DOMAINS)[number];
