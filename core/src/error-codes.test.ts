import { describe, expect, it } from 'vitest';
import { NORMALISED_CODES, normaliseErrorCode } from './error-codes';

describe('normaliseErrorCode', () => {
  it('maps Daraja C2B validation codes, with C2B00016 as a system failure', () => {
    expect(normaliseErrorCode('mpesa_c2b', 'C2B00012')).toMatchObject({
      code: 'UNKNOWN_METER',
      class: 'customer',
    });
    expect(normaliseErrorCode('mpesa_c2b', 'c2b00016')).toMatchObject({
      code: 'VALIDATION_REJECTED',
      class: 'system',
    });
  });

  it('accepts STK ResultCodes as numbers or strings and classes customer-caused ones', () => {
    expect(normaliseErrorCode('mpesa_stk', 1032)).toMatchObject({
      code: 'CANCELLED_BY_USER',
      class: 'customer',
    });
    expect(normaliseErrorCode('mpesa_stk', '2001')).toMatchObject({ code: 'WRONG_PIN', class: 'customer' });
    expect(normaliseErrorCode('mpesa_stk', '1037')).toMatchObject({
      code: 'USER_UNREACHABLE',
      class: 'customer',
    });
    expect(normaliseErrorCode('mpesa_stk', '26')).toMatchObject({ code: 'SYSTEM_BUSY', class: 'system' });
  });

  it('normalises the same cause from different domains to one code', () => {
    expect(normaliseErrorCode('daraja_api', '500.003.02').code).toBe(
      normaliseErrorCode('mpesa_stk', 26).code,
    );
  });

  it('maps vending faults, treating key changes and HSM outages as system failures', () => {
    expect(normaliseErrorCode('vending', 'LatestKRNEx')).toMatchObject({
      code: 'KEY_CHANGE_REQUIRED',
      class: 'system',
    });
    expect(normaliseErrorCode('vending', 'HSM_UNAVAILABLE')).toMatchObject({
      class: 'system',
      retryable: true,
    });
    expect(normaliseErrorCode('vending', 'BlockedMeterEx')).toMatchObject({
      code: 'BLOCKED_METER',
      class: 'customer',
    });
  });

  it('turns unknown codes into UNKNOWN, counted as system failures', () => {
    expect(normaliseErrorCode('mpesa_stk', '77777')).toMatchObject({ code: 'UNKNOWN', class: 'system' });
    expect(normaliseErrorCode('mpesa_c2b', '1032').code).toBe('UNKNOWN');
  });

  it('keeps the set of normalised codes bounded and label-safe', () => {
    expect(NORMALISED_CODES.length).toBeLessThan(60);
    for (const code of NORMALISED_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });
});
