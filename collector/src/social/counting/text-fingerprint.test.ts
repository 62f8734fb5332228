import { describe, expect, it } from 'vitest';
import {
  isCopyPasteCandidate,
  looksLikeRetweet,
  normalisePostText,
  textFingerprint,
} from './text-fingerprint';

describe('textFingerprint', () => {
  it('is equal for repeats that differ only in mentions, links, case, punctuation and spacing', () => {
    const a = '@KenyaPower_Care NO TOKENS since morning!!! https://t.co/abc';
    const b = '@KenyaPower no tokens   since morning 🙄';
    expect(textFingerprint(a)).toBe(textFingerprint(b));
    expect(normalisePostText(a)).toBe('no tokens since morning');
  });

  it('differs when the words differ', () => {
    expect(textFingerprint('no tokens in Kisumu')).not.toBe(textFingerprint('no tokens in Nakuru'));
  });

  it('keeps Swahili letters and digits', () => {
    expect(normalisePostText('Stima imepotea Githurai 45, tokens hazijaingia!')).toBe(
      'stima imepotea githurai 45 tokens hazijaingia',
    );
  });

  it('treats only long texts as copy-paste candidates across authors', () => {
    expect(isCopyPasteCandidate('@KenyaPower no tokens')).toBe(false);
    expect(
      isCopyPasteCandidate('I paid 1000 to paybill 888880 at 7am and still no token, fix this now'),
    ).toBe(true);
  });

  it('recognises classic retweets', () => {
    expect(looksLikeRetweet('RT @wanjiku_k: no tokens since 6am')).toBe(true);
    expect(looksLikeRetweet('no RT @x please')).toBe(false);
  });
});
