import type { PhraseGroup } from './phrase-matcher';

export type SentimentFeature = 'positive' | 'negative' | 'negator' | 'sarcasm' | 'polite';

/**
 * Sentiment words and phrases. `polite` phrases are the courtesy formulas of care-desk replies ("we regret
 * the inconvenience", "thank you for your patience"): they hide their words and carry no sentiment.
 * `sarcasm` marks irony that turns praise into blame ("as usual", "kama kawaida", "never disappoints").
 */
export const SENTIMENT_PHRASES: readonly PhraseGroup<SentimentFeature>[] = [
  [
    'positive',
    2,
    'thank you|thanks|thank|asante|asanteni|asante sana|kudos|big up|shout out|well done|great job|' +
      'excellent|awesome|amazing|impressive|heroes|hongera|congrats|congratulations|bravo|love it|' +
      'appreciate|appreciate it|world class|wonderful|credit where its due|proud|delighted|happy|' +
      'god is good|huduma nzuri|kazi nzuri|kazi safi|safi|fiti|iko fiti|poa sana|bomba|much safer|' +
      'helpful|really helpful|improved|nice|love|goals|fire|mmejipanga',
  ],
  [
    'positive',
    1,
    'great|good|quick|quickly|fast|instantly|restored|back|imerudi|haraka|nzuri|vizuri|clean|safer|' +
      'committed|interesting|sorted|fixed the|within seconds|under a minute|poa|sawa|fun|ready|easy|' +
      'what a match|what a game|good buy',
  ],
  [
    'negative',
    2,
    'useless|hopeless|pathetic|terrible|worst|rubbish|nonsense|shame|shameful|disgrace|ridiculous|' +
      'unacceptable|incompetent|tired|fed up|sick of|angry|frustrating|frustrated|disappointing|' +
      'disappointed|scam|theft|thieves|robbery|daylight robbery|wizi|wezi|mnatuibia|tumechoka|nimechoka|' +
      'aibu|dharau|ujinga|wajinga|upuss|mbaya|mbovu|hatari|dangerous|rude|kiburi|waste|joke|poor|' +
      'unprofessional|bure|sad|rotting|imeoza|wanateseka|itaharibika|painful|stupid|silly|nuisance|' +
      'gamble|insane|someone will die|shida|more helpful than|madness|imenichosha|struggling|mtu atakufa',
  ],
  [
    'negative',
    1,
    'no|not|never|nothing|nobody|hakuna|sina|hatuna|bila|without|darkness|dark|giza|gizani|problem|' +
      'issue|again|tena|delay|delayed|stuck|failed|failing|down|expensive|ghali|lost|losing|pending|' +
      'waiting|still waiting|why|mbona|kwani|slow|worse|dead|die|suffer|wait|blackout|outage|noise',
  ],
  [
    'sarcasm',
    2,
    'as usual|as always|kama kawaida|never disappoints|very thoughtful|very kind of you|at its finest|' +
      'make it make sense|very accurate|for fun|world class service|for the darkness|kwa giza|' +
      'thanks for nothing|asante kwa giza|good job as usual|great job as usual',
  ],
  [
    'polite',
    0,
    'we regret|regret the inconvenience|apologies for the inconvenience|we apologise|we apologize|' +
      'sorry for the inconvenience|thank you for your patience|asante kwa uvumilivu|pole kwa usumbufu|' +
      'poleni kwa usumbufu|tunaomba radhi|inconvenience caused|for any inconvenience|kindly bear with us|' +
      'we are sorry|samahani kwa usumbufu|samahani kwa kuchelewa|thank you for choosing|pole sana|' +
      'no stress|no way|not bad|dont remember|noted thank you',
  ],
  ['negator', 0, 'not|never|no|sio|si|hakuna|isnt|wasnt|arent|dont|doesnt|didnt|hasnt|havent|aint'],
];
