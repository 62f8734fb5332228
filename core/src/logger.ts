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

/**
 * An 'error' listener for Redis clients and BullMQ queues: ioredis repeats a connection error on every retry,
 * so this logs one line per `intervalMs` (the rest are dropped), with the latest error's message.
 */
export function throttledErrorLog(
  logger: Logger,
  message: string,
  intervalMs = 10_000,
): (error: Error) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (error) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger.warn({ err: error.message }, message);
  };
}
