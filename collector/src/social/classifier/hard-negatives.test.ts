import { describe, expect, it } from 'vitest';
import { classifyPost } from './classify-post';

/** Posts that mention power, tokens, blackouts or the utility without complaining about supply. */
const HARD_NEGATIVES: Record<string, readonly string[]> = {
  'Stima Plaza is an address': [
    'Meeting at Stima Plaza at 10am, see you there',
    'Tupatane Stima Plaza kesho asubuhi saa tatu',
    'Traffic jam outside Stima Plaza on Kolobot road this morning',
  ],
  'Okoa Stima adverts and questions': [
    'Running low on tokens? Okoa Stima has you covered. Dial *444# today!',
    'Does okoa stima charge any interest?',
    'Okoa stima inalipwa aje? Nataka kujua kabla ya kukopa',
  ],
  'blackout in politics, media, sport and fainting': [
    'The media blackout on the election results must end',
    'Total internet blackout in the region during the exams, says the ministry',
    'Our defence had a complete blackout in the second half, we conceded three goals',
    'I almost blacked out from the heat at the stadium',
  ],
  'job adverts': [
    'Kenya Power is hiring electrical engineers. Apply before 15th June',
    'KPLC vacancies: 50 meter readers needed, send your CV',
  ],
  tenders: ['Kenya Power tender for supply of 20,000 smart meters closes on Friday'],
  'company news': [
    'Kenya Power net profit rises to Ksh 12 billion as electricity sales grow',
    'KPLC shares gain 5% at the NSE today',
  ],
  'Premier League power puns': [
    'Man City have so much attacking power it is scary',
    'Arsenal had no power in midfield today, poor display',
  ],
  'other idioms and utilities': [
    'The power of positive thinking 🙏',
    'Buy this crypto token before it moons 🚀',
    'Nairobi Water, hakuna maji Umoja tangu jana',
    'Safaricom fibre is down again in Kilimani, no internet all day',
  ],
};

describe('hard negatives are not complaints', () => {
  for (const [family, posts] of Object.entries(HARD_NEGATIVES)) {
    it(family, () => {
      for (const text of posts) {
        expect({ text, category: classifyPost({ text }).category }).toEqual({
          text,
          category: 'not_complaint',
        });
      }
    });
  }

  it('the utility replying or announcing is official, not a complaint', () => {
    const replies = [
      'Hello, kindly DM your meter number for assistance. ^MK',
      'Pole kwa usumbufu. Mafundi wetu wanashughulikia hitilafu. ^JW',
      'INTERRUPTION NOTICE: Parts of Kiambu County. AREA: RUAKA. DATE: 12.06.2024. TIME: 9AM - 5PM',
    ];
    for (const text of replies) expect(classifyPost({ text }).category).toBe('official');
    expect(
      classifyPost({ text: 'Power has been restored in your area.', authorHandle: '@KenyaPower_Care' })
        .category,
    ).toBe('official');
    expect(classifyPost({ text: 'Our new offices open on Monday', isOfficialAccount: true }).category).toBe(
      'official',
    );
  });
});

describe('the same words inside a real complaint still count', () => {
  it.each([
    ['Okoa stima not working, I borrowed tokens and nothing came', 'token_purchase'],
    ['Okoa stima imekataa, tokens hazijaingia', 'token_purchase'],
    ['Blackout in Embakasi since 7pm, KPLC please sort it', 'power_outage'],
    ['Power cut during the Arsenal match, KPLC why?!', 'power_outage'],
    ['Hakuna stima huku Stima Plaza area tangu asubuhi', 'power_outage'],
  ])('%s', (text, topic) => {
    expect(classifyPost({ text })).toMatchObject({ category: 'outage_complaint', topic });
  });

  it('a customer quoting the utility template is still complaining', () => {
    const text = 'They will just say "kindly DM your meter number" again. I have had no power for 2 days!';
    expect(classifyPost({ text })).toMatchObject({ category: 'outage_complaint', topic: 'power_outage' });
  });
});
