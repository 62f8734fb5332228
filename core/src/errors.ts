/** Error codes of the whole system; the HTTP layer maps them to statuses in one place (`httpStatusFor`). */
export const ERROR_CODES = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  CONFIG: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error base: a machine-readable code, context for logs and answers, and the underlying cause. */
export class StimaError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StimaError';
    this.code = code;
    this.context = context;
  }
}

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** The JSON body every service answers errors with. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: unknown;
}

export function errorBody(error: StimaError, details?: unknown): ErrorBody {
  return details === undefined
    ? { error: error.code, message: error.message }
    : { error: error.code, message: error.message, details };
}
