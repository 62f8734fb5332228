import { POST_CATEGORIES, POST_LANGUAGES, POST_TOPICS, SENTIMENTS } from '@stimawatch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPost } from './classify-post';
import { KENYAN_COUNTIES } from './kenyan-counties';

describe('classifyPost', () => {
  it('reads a token purchase failure in English with county and negative sentiment', () => {
    expect(
      classifyPost({ text: 'Paid 500 for tokens at 7pm, still no token. Kitengela @KenyaPower_Care' }),
    ).toEqual({
      category: 'outage_complaint',
      topic: 'token_purchase',
      lang: 'en',
      county: 'Kajiado',
      sentiment: 'negative',
      sentiment_score: expect.any(Number),
    });
  });

  it('reads a Swahili blackout complaint', () => {
    expect(classifyPost({ text: 'Stima imepotea tena Kisumu, tumekaa gizani tangu jana' })).toMatchObject({
      category: 'outage_complaint',
      topic: 'power_outage',
      lang: 'sw',
      county: 'Kisumu',
      sentiment: 'negative',
    });
  });

  it('reads Sheng code-switching as mixed', () => {
    expect(classifyPost({ text: 'Manze tokens hazijaingia since morning, what is going on?' })).toMatchObject(
      {
        category: 'outage_complaint',
        topic: 'token_purchase',
        lang: 'mixed',
      },
    );
  });

  it('reads a pasted M-Pesa receipt followed by "no token!!" as a token failure', () => {
    const text =
      'RKL51ZDR4F Confirmed. Ksh500.00 sent to KPLC PREPAID for account 54123456789 on 12/5/24 at 7:02 PM ' +
      'New M-PESA balance is Ksh1,020.00. Transaction cost, Ksh0.00. no token!!';
    expect(classifyPost({ text })).toMatchObject({
      category: 'outage_complaint',
      topic: 'token_purchase',
      lang: 'en',
    });
  });

  it('survives misspellings, URLs, mentions, hashtags and emojis', () => {
    expect(
      classifyPost({ text: '@KenyaPower_Care tokkens not recieved 😡😡 https://t.co/abc123 #KPLCFail Juja' }),
    ).toMatchObject({ category: 'outage_complaint', topic: 'token_purchase', county: 'Kiambu' });
    expect(classifyPost({ text: 'no elecricity in Nyaliii since 2am!!! kenya pawa wake up' })).toMatchObject({
      category: 'outage_complaint',
      topic: 'power_outage',
      county: 'Mombasa',
    });
  });

  it('tells other complaints from outages', () => {
    expect(
      classifyPost({ text: 'Estimated bill of 9,000 again. Nobody has read my meter in a year' }),
    ).toMatchObject({ category: 'other_complaint', topic: null });
    expect(classifyPost({ text: 'Wafanyakazi wa KPLC ofisi ya Nyeri wana kiburi sana' })).toMatchObject({
      category: 'other_complaint',
      county: 'Nyeri',
    });
  });

  it('keeps questions without a problem out of the complaints', () => {
    expect(classifyPost({ text: 'How do I buy tokens with Airtel Money?' })).toMatchObject({
      category: 'not_complaint',
      sentiment: 'neutral',
    });
  });

  it('answers within the contract for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = classifyPost({ text });
        expect(POST_CATEGORIES).toContain(result.category);
        expect(result.topic === null || POST_TOPICS.includes(result.topic)).toBe(true);
        expect(result.topic !== null).toBe(result.category === 'outage_complaint');
        expect(POST_LANGUAGES).toContain(result.lang);
        expect(result.county === null || (KENYAN_COUNTIES as readonly string[]).includes(result.county)).toBe(
          true,
        );
        expect(SENTIMENTS).toContain(result.sentiment);
        expect(result.sentiment_score).toBeGreaterThanOrEqual(-1);
        expect(result.sentiment_score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
