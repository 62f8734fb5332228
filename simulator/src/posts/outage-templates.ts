import type { PostLanguage } from '@stimawatch/core';
import type { ComplaintTopic } from '../scenario/scenario';

export interface PostTemplate {
  lang: PostLanguage;
  text: string;
}

/**
 * Outage complaints in English, Swahili and Sheng. Placeholders: {kplc} a mention of the utility, {place},
 * {amount} (KES), {hours}, {meter}, {mpesa} a pasted M-Pesa confirmation, {failed} a pasted failure message,
 * {time}. Wording follows what customers posted in the 2023–2024 token outages (see README).
 */
export const OUTAGE_TEMPLATES: Readonly<Record<ComplaintTopic, readonly PostTemplate[]>> = {
  payment_refused: [
    { lang: 'en', text: '{kplc} paybill 888880 not working. Tried 3 times, M-Pesa keeps failing. {place}' },
    { lang: 'en', text: '{failed} What is going on {kplc}?' },
    { lang: 'en', text: 'Is 888880 down? Cannot buy tokens at all. {kplc}' },
    {
      lang: 'en',
      text: '"The system receiving the payment experienced some technical challenges" — {kplc} sort this out, some of us are in darkness',
    },
    { lang: 'sw', text: 'M-Pesa inakataa kulipa KPLC. Nimejaribu mara tatu. {kplc} tatizo ni nini?' },
    { lang: 'sw', text: 'Hatuwezi kununua stima leo? Paybill inakataa. {place}' },
    {
      lang: 'mixed',
      text: 'Wasee 888880 iko down ama ni mimi pekee? M-Pesa inasema organisation unavailable {kplc}',
    },
    {
      lang: 'mixed',
      text: 'Manze {kplc} mnatuangusha, token haziwezi nunuliwa since {time}. {place} tuko gizani',
    },
    { lang: 'mixed', text: 'Eeeh {kplc} hii paybill yenu inakataa pesa yetu? {failed}' },
    {
      lang: 'en',
      text: 'Can’t pay for tokens via M-Pesa, "organisation receiving the payment is unavailable". {place} {kplc}',
    },
  ],
  no_token: [
    {
      lang: 'en',
      text: '{kplc} I paid {amount} for tokens at {time} and nothing yet. Meter {meter}. Please help',
    },
    { lang: 'en', text: '{mpesa} No token SMS {hours} hours later. {kplc}' },
    { lang: 'en', text: 'Money gone, no token. {kplc} where are our tokens?? {place}' },
    {
      lang: 'en',
      text: 'Paid for tokens, M-Pesa confirmed, KPLC silent. Sitting in the dark in {place}. {kplc}',
    },
    { lang: 'en', text: 'Is the token system down again {kplc}? Paid {amount} bob, no token.' },
    { lang: 'sw', text: 'Tokens hazikuji {kplc}. Nimelipa {amount} tangu saa {hours}. Hakuna stima {place}' },
    {
      lang: 'sw',
      text: 'Nimelipa lakini sijapata token. Pesa imeenda na token hakuna. {kplc} tunaomba msaada',
    },
    { lang: 'sw', text: 'Hakuna stima, tokens hazijaingia. Watoto wanalala gizani {place} {kplc}' },
    { lang: 'mixed', text: 'Tokens haziingii {kplc}! {mpesa}' },
    { lang: 'mixed', text: 'Wasee mmepata tokens? Nimelipa {amount} hakuna kitu. {kplc} iko aje?' },
    {
      lang: 'mixed',
      text: 'Kenya Power mnatuangusha aki. Token ya {amount} haijakuja {hours} hrs later. {place}',
    },
    { lang: 'mixed', text: 'Nimetuma pesa mara mbili na bado sijapata token. Meter {meter} {kplc}' },
    { lang: 'en', text: 'Whole estate in {place} bought tokens and none came. {kplc} say something!' },
  ],
  recovering: [
    { lang: 'en', text: 'Finally got my token after {hours} hours. {kplc} you owe us an explanation' },
    { lang: 'en', text: 'Tokens coming in now in {place}. Paid at {time}. {kplc} what happened?' },
    { lang: 'sw', text: 'Token imeingia hatimaye baada ya masaa {hours}. {kplc} mtueleze nini kilitokea' },
    { lang: 'mixed', text: 'Aki tokens zimeingia sasa, {hours} hrs later. {kplc} next time mtuambie mapema' },
    {
      lang: 'en',
      text: 'Still no token here in {place} while others are receiving theirs. {kplc} meter {meter}',
    },
  ],
};
