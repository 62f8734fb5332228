import { describe, expect, it } from 'vitest';
import { eatHourOfDay, eatInstant, eatParts, formatTransTime } from './eat-time';

describe('EAT time', () => {
  it('formats TransTime in Nairobi local time', () => {
    // 2024-06-02 23:30:05 UTC is 2024-06-03 02:30:05 in Nairobi.
    expect(formatTransTime(Date.UTC(2024, 5, 2, 23, 30, 5))).toBe('20240603023005');
  });

  it('reads the Nairobi hour and weekday', () => {
    const ms = eatInstant(2024, 6, 1, 19, 30); // a Saturday evening
    expect(eatHourOfDay(ms)).toBe(19.5);
    expect(eatParts(ms).dayOfWeek).toBe(6);
  });
});
