import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/**
 * Hard negatives: words that look like an outage but are not one. Multi-word entries also hide their words
 * from the other lexicons ("stima plaza" is an address, "media blackout" is politics, "power bank" an ad).
 */
export const NOISE_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  // Places and institutions named after electricity.
  ['noise', 0.5, 'stima plaza|stima club'],
  ['noise', 2, 'stima sacco|stima investment'],
  // Okoa Stima (Safaricom's token loan) adverts and questions.
  [
    'noise',
    2,
    'pay later|lipa baadaye|lipa later|dial|piga|check your limit|kiwango chako|t cs apply|qualify|' +
      'how much interest|interest|borrow tokens when|kopa token|no stress',
  ],
  // Jobs and tenders.
  [
    'noise',
    3,
    'hiring|vacancies|vacancy|careers|careers portal|apply by|send cv|internship|interns|apprenticeship|' +
      'graduate trainee|shortlisted|recruitment|nafasi za kazi|wafanyakazi wapya|tuma maombi|wanahitajika|' +
      'tender|tenders|invites bids|bids|procurement|closing date|job applications|applications now open|' +
      'linemen|jobs|wanted|kuapply job',
  ],
  // Company news and finance.
  [
    'noise',
    2.5,
    'net profit|profit|profits|dividend|shares|shareholders|wanahisa|nse|billion|bilioni|faida|' +
      'managing director|appoints|ceo says|cs says|energy cs|regulator|approves|parliament|summons|mps|' +
      'wabunge|caused by|government plans|plans to|to install|agreement|rural electrification|founded|' +
      'fun fact|documentary|mkurugenzi|asema mkurugenzi|yatangaza|imetangaza|announces|announcement|' +
      'investment forum|investors|half year|half year profit|to pay shareholders|' +
      'agm|mkutano|itaweka',
  ],
  // Politics, media and internet blackouts.
  [
    'noise',
    3,
    'media blackout|news blackout|internet blackout|protests|protest|opposition|election|odm|' +
      'power struggle|political|government ordered|serikali|serikali hii|hii serikali',
  ],
  // Sport.
  [
    'noise',
    2.5,
    'manchester united|crystal palace|premier league|harambee stars|power dynamos|midfield|defence|' +
      'conceded|striker|up front|sack the manager|firepower|champions league|attacking power|the bench|' +
      'wako na power|second half|display',
  ],
  [
    'noise',
    1.5,
    'arsenal|chelsea|liverpool|man utd|man city|epl|gor mahia|afc leopards|caf|sirkal|wamecheza|football',
  ],
  ['noise', 1, 'match|manager|goal|goals|players'],
  // Fainting, parties, heat.
  [
    'noise',
    3,
    'blacked out|leg day|gym|at the party|dont remember|sikumbuki|hiyo party|party|joto|feni|black out party',
  ],
  // Adverts.
  [
    'noise',
    3,
    'blackout curtains|curtains|#num off|free delivery|dm to order|dm for prices|call us today|tunauza|' +
      'buy from us|on sale|tickets|blackout dates|holiday offer|book early|power bank|power banks|' +
      'solar power|solar|installation|second hand|selling|kva|delivery',
  ],
  // Idioms with "power", "token" and "giza".
  [
    'noise',
    3,
    'power couple|power nap|power of prayer|the power of|power rangers|willpower|horsepower|' +
      'power ranking|power play|power ya vibes|superpower|token of appreciation|crypto|crypto token|' +
      'token launch|launching|early investors|pyramids of giza|giza pyramids|pyramids|egypt|maisha yangu|' +
      'bila wewe|future|future yetu|mustakabali|moyo wangu|vijana|nishati ya jua',
  ],
  // Other utilities and networks.
  [
    'noise',
    3,
    'nairobi water|no water|hakuna maji|maji|zuku|home fibre|fibre|internet|wifi|safaricom network|' +
      'network|mtandao|siwezi kupiga simu|send money to anyone|bei ya mafuta|nauli',
  ],
];
