import { describe, expect, it } from 'vitest';
import { MPESA_KPLC_MARKER } from './mpesa-receipt';
import { normalizePost } from './normalize-text';

function tokens(text: string): string[] {
  return normalizePost(text).tokens;
}

describe('normalizePost', () => {
  it('lower-cases, strips URLs, accents, apostrophes and punctuation', () => {
    expect(tokens("Café's LIGHTS are OUT! https://t.co/xyz www.example.com")).toEqual([
      'cafes',
      'lights',
      'are',
      'out',
    ]);
  });

  it('turns the utility handles into "kplc" and drops other mentions', () => {
    expect(tokens('@KenyaPower_Care @jane_doe no power')).toEqual(['kplc', 'no', 'power']);
  });

  it('splits hashtags written in camel case', () => {
    expect(tokens('#KPLCBlackout #NoTokens')).toEqual(['kplc', 'blackout', 'no', 'tokens']);
  });

  it('cuts repeated letters and repairs common misspellings', () => {
    expect(tokens('tokkens elecricity kenya pawa stimaaaa sooooo')).toEqual([
      'tokens',
      'electricity',
      'kenya',
      'power',
      'stima',
      'so',
    ]);
    // Real double letters survive.
    expect(tokens('saa wasee')).toEqual(['saa', 'wasee']);
    expect(tokens('m-pesa M pesa')).toEqual(['mpesa', 'mpesa']);
  });

  it('replaces numbers, keeping long ones (meter, account) apart', () => {
    expect(tokens('meter 37145528861 paid 500 at 7:02')).toEqual([
      'meter',
      '#long',
      'paid',
      '#num',
      'at',
      '#num',
    ]);
  });

  it('replaces a pasted M-Pesa receipt to the utility by one marker', () => {
    const text =
      'RKL51ZDR4F Confirmed. Ksh500.00 sent to KPLC PREPAID for account 54123456789 on 12/5/24 at 7:02 PM ' +
      'New M-PESA balance is Ksh1,230.50. Transaction cost, Ksh0.00. no token!!';
    expect(tokens(text)).toEqual([MPESA_KPLC_MARKER, 'no', 'token']);
    expect(
      tokens('QWE1234567 Confirmed. Ksh200.00 sent to JOHN DOE 0712345678 on 1/2/24 at 9:00 AM thanks'),
    ).toEqual(['thanks']);
  });

  it('reads surface cues: agent signature, notice layout, questions, emojis', () => {
    expect(normalizePost('Kindly DM your meter number. ^JK').cues.officialSignature).toBe(true);
    expect(normalizePost('Kindly DM your meter number. ^JK').tokens).not.toContain('jk');
    expect(normalizePost('AREA: Lanet. DATE: Tuesday. TIME: 9AM').cues.noticeLayout).toBe(true);
    const { cues } = normalizePost('Why?! 🙄😡😡🔥');
    expect(cues).toMatchObject({ question: true, exclamations: 1, sarcasm: 1, negative: 2, positive: 1 });
  });
});
