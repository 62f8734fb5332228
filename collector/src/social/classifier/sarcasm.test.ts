import { describe, expect, it } from 'vitest';
import { classifyPost } from './classify-post';

describe('sarcastic praise is read as a complaint with negative sentiment', () => {
  it.each([
    ['thank you KPLC for the darkness', 'power_outage'],
    ['Asante sana Kenya Power kwa giza', 'power_outage'],
    ['great job as usual 🙄 no power in Kasarani again', 'power_outage'],
    ['wow 3 days without power, world class service', 'power_outage'],
    ['Hongera KPLC, siku tatu bila stima. Kazi nzuri 👏', 'power_outage'],
    ['Thanks Kenya Power for eating my 1000 bob, still no tokens. Amazing 🤡', 'token_purchase'],
    ['Asante KPLC, nimelipa tangu asubuhi na token hazijaingia. Kama kawaida 🙄', 'token_purchase'],
  ])('%s', (text, topic) => {
    const result = classifyPost({ text });
    expect(result).toMatchObject({ category: 'outage_complaint', topic, sentiment: 'negative' });
    expect(result.sentiment_score).toBeLessThan(0);
  });

  it('an ironic thank-you for a bill is an other complaint', () => {
    const result = classifyPost({ text: 'Thank you KPLC for the estimated bill of 15k, very accurate 👏' });
    expect(result).toMatchObject({ category: 'other_complaint', topic: null, sentiment: 'negative' });
  });
});

describe('sincere praise stays positive', () => {
  it.each([
    'Power restored within 30 minutes, thank you Kenya Power!',
    'Asante KPLC, stima imerudi haraka leo 🙏',
    'Tokens came in within seconds today, kudos @KenyaPower_Care',
  ])('%s', (text) => {
    const result = classifyPost({ text });
    expect(result).toMatchObject({ category: 'not_complaint', sentiment: 'positive' });
    expect(result.sentiment_score).toBeGreaterThan(0);
  });
});
