import { type ErrorDomain, normaliseErrorCode, type VendError } from '@stimawatch/core';

/** A raw Daraja code run through the one normalisation table. */
export function vendErrorFor(domain: ErrorDomain, rawCode: string): VendError {
  const normalised = normaliseErrorCode(domain, rawCode);
  return {
    domain,
    rawCode,
    code: normalised.code,
    class: normalised.class,
    retryable: normalised.retryable,
  };
}
