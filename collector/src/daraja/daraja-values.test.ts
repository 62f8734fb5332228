import { describe, expect, it } from 'vitest';
import { isSuccessCode, parseDarajaTime, resultCodeText, shillingsToMinor } from './daraja-values';

describe('Daraja values', () => {
  it('reads TransTime as East Africa Time (UTC+3, no zone on the wire)', () => {
    expect(parseDarajaTime('20240526083015')).toBe(Date.parse('2024-05-26T05:30:15Z'));
    expect(parseDarajaTime(20191219102115)).toBe(Date.parse('2019-12-19T07:21:15Z'));
    // Just after midnight in Nairobi is still the previous day in UTC.
    expect(parseDarajaTime('20240101001500')).toBe(Date.parse('2023-12-31T21:15:00Z'));
  });

  it('refuses timestamps that are not real dates', () => {
    for (const bad of [
      '2024052608301',
      '20241326083015',
      '20240231083015',
      '20240526250000',
      'RKL51ZDR4F',
      '',
    ]) {
      expect(parseDarajaTime(bad)).toBeUndefined();
    }
    expect(parseDarajaTime(undefined)).toBeUndefined();
  });

  it('converts shillings to minor units without floating-point drift', () => {
    expect(shillingsToMinor('1000.00')).toBe(100_000);
    expect(shillingsToMinor('10.5')).toBe(1050);
    expect(shillingsToMinor('0.29')).toBe(29);
    expect(shillingsToMinor(200)).toBe(20_000);
    expect(shillingsToMinor('1,000.00')).toBe(100_000);
    expect(shillingsToMinor('-5')).toBeUndefined();
    expect(shillingsToMinor('1e3')).toBeUndefined();
    expect(shillingsToMinor(1.005)).toBeUndefined();
  });

  it('compares result codes sent as numbers or strings', () => {
    expect(resultCodeText(0)).toBe('0');
    expect(resultCodeText(' C2B00011 ')).toBe('C2B00011');
    expect(isSuccessCode(resultCodeText('0'))).toBe(true);
    expect(isSuccessCode(resultCodeText(0))).toBe(true);
    expect(isSuccessCode(undefined)).toBe(true);
    expect(isSuccessCode('1032')).toBe(false);
  });
});
