import { type Logger, pino } from 'pino';

export type { Logger };

/** Field names that may carry personal data or secrets; pino replaces their values before writing. */
const REDACTED_PATHS = [
  'msisdn',
  'MSISDN',
  'phone',
  'phoneNumber',
  'meterNumber',
  'BillRefNumber',
  'FirstName',
  'MiddleName',
  'LastName',
  'password',
  'token',
  'authorization',
  '*.msisdn',
  '*.phone',
  '*.phoneNumber',
  '*.meterNumber',
  '*.password',
  '*.authorization',
];

/** A structured JSON logger; services create one in main.ts and hand children to modules. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
