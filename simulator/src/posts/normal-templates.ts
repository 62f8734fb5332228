import type { PostTemplate } from './outage-templates';
import type { PostKind } from './post-types';

/** Everyday chatter around the utility, with its share of all everyday posts (hard negatives included). */
export const NORMAL_MIX: Readonly<Partial<Record<PostKind, number>>> = {
  praise: 0.08,
  question: 0.14,
  local_blackout: 0.16,
  single_token_delay: 0.04,
  other_complaint: 0.12,
  unrelated_mention: 0.1,
  stima_plaza: 0.05,
  okoa_stima: 0.05,
  blackout_other: 0.07,
  job_advert: 0.04,
  official_reply: 0.15,
};

export const NORMAL_TEMPLATES: Readonly<Partial<Record<PostKind, readonly PostTemplate[]>>> = {
  praise: [
    { lang: 'en', text: 'Shoutout to {kplc}, transformer in {place} fixed within 2 hours. Good job' },
    { lang: 'en', text: 'Bought tokens via 888880, token came in seconds. Smooth {kplc}' },
    { lang: 'sw', text: 'Asanteni {kplc} kwa kurudisha stima haraka {place}' },
    { lang: 'mixed', text: 'Big up {kplc}, stima imerudi {place} 🙏' },
  ],
  question: [
    { lang: 'en', text: '{kplc} how do I get my last 3 tokens on *977#?' },
    { lang: 'en', text: 'What is the KPLC paybill for postpaid again? 888888?' },
    { lang: 'en', text: '{kplc} how do I update my meter? It asks for key change tokens' },
    { lang: 'sw', text: '{kplc} naweza kununua tokens kwa Airtel Money namna gani?' },
    { lang: 'mixed', text: 'Wasee mnaeza nishow how to apply for new connection {kplc}?' },
  ],
  local_blackout: [
    { lang: 'en', text: 'No power in {place} since {time}. {kplc} what is the issue this time?' },
    { lang: 'en', text: 'Blackout in {place} again. Third time this week {kplc}' },
    { lang: 'sw', text: 'Hakuna stima {place} tangu asubuhi {kplc}' },
    { lang: 'mixed', text: 'Stima imepotea {place} and it is raining. {kplc} tafadhali' },
  ],
  single_token_delay: [
    { lang: 'en', text: '{kplc} bought tokens worth {amount} an hour ago, nothing yet. Meter {meter}' },
    { lang: 'mixed', text: 'Token yangu haijaingia {kplc}, paid {amount} at {time}' },
  ],
  other_complaint: [
    { lang: 'en', text: '{kplc} why is 1000 bob giving me so few units now? Tariffs are killing us' },
    { lang: 'en', text: 'Leaning pole at {place} for two months. {kplc} before someone gets hurt' },
    { lang: 'en', text: 'My postpaid bill doubled this month {kplc}, estimated readings again' },
    { lang: 'sw', text: '{kplc} nguzo imeanguka {place} na hakuna mtu amekuja' },
  ],
  unrelated_mention: [
    { lang: 'en', text: 'KPLC shares up 4% at the NSE today after the dividend news' },
    { lang: 'en', text: 'Kenya Power to install smart meters for large power users, says MD' },
    { lang: 'en', text: 'Anyone know a good electrician in {place}? KPLC approved if possible' },
    { lang: 'en', text: 'The Kenya Power FC match this weekend should be interesting' },
  ],
  stima_plaza: [
    { lang: 'en', text: 'Meeting at Stima Plaza at 10, traffic on Kolobot Road is mad' },
    { lang: 'en', text: 'Stima Plaza parking is full again, anyone know where to park near Parklands?' },
    { lang: 'mixed', text: 'Niko Stima Plaza for the interview, pray for me wasee' },
  ],
  okoa_stima: [
    { lang: 'en', text: 'Okoa Stima saved me tonight, got tokens on credit. Thanks Safaricom' },
    { lang: 'sw', text: 'Tumia Okoa Stima upate tokens hata kama huna pesa. Piga *131#' },
    { lang: 'mixed', text: 'Okoa stima ndio imeniokoa leo, token ya 100 on credit' },
  ],
  blackout_other: [
    {
      lang: 'en',
      text: 'Total blackout from our defence in the second half. Harambee Stars need a new coach',
    },
    { lang: 'en', text: 'Media blackout on the finance bill protests? Stima ya ukweli' },
    { lang: 'en', text: 'That was a blackout performance from Gor Mahia today' },
    { lang: 'mixed', text: 'Nilikuwa na blackout jana after the party, sikumbuki kitu 😂' },
  ],
  job_advert: [
    { lang: 'en', text: 'Kenya Power is hiring: Electrical Technicians (30 posts). Apply by Friday. #jobs' },
    { lang: 'en', text: 'KPLC graduate trainee programme 2024 now open, link in bio #KenyaJobs' },
  ],
};

/** The utility's own routine replies (KPLC signs them with the agent's initials). */
export const OFFICIAL_REPLIES: readonly string[] = [
  '@{reply} Kindly share your meter number and phone number via DM for assistance. ^{initials}',
  '@{reply} We regret the inconvenience. Our team is working to restore supply in {place}. ^{initials}',
  '@{reply} Please dial *977# to retrieve your last three tokens. ^{initials}',
  '@{reply} Kindly DM your account number so we can check your bill. ^{initials}',
];
