import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** Loss of supply, restoration and planned work, in English, Swahili and Sheng (normalised spelling). */
export const POWER_OUTAGE_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  [
    'powerSubject',
    1,
    'power|electricity|lights|light|supply|transformer|transfoma|stima|umeme|the grid|voltage|feeder|' +
      'fridge|friji|freezer',
  ],
  [
    'powerOut',
    3,
    'no power|no electricity|no lights|no stima|no supply|without power|without electricity|without stima|' +
      'blackout|black out|power outage|power outages|power cut|power cuts|power failure|lights out|lights off|' +
      'power went off|power goes off|power is off|power off|power out|powers out|power gone|power is gone|' +
      'lost power|lose power|in darkness|in the darkness|for the darkness|the darkness|been dark|total blackout|' +
      'hakuna stima|hatuna stima|sina stima|hakuna umeme|hatuna umeme|bila stima|bila umeme|gizani|' +
      'giza totoro|tuko gizani|tumekaa gizani|transformer blew|transformer blew up|transformer imelipuka|' +
      'transfoma imelipuka|stima imepotea|stima imeenda|stima imekatika|umeme umekatika|umeme umepotea|' +
      'power imeenda|stima inapotea|stima inakatika|stima haijarudi|switched off the whole|on and off|' +
      'stima imeenda na kurudi|mmezima stima|power cut in',
  ],
  [
    'powerOut',
    2.5,
    'outage|outages|blackouts|giza tupu|kwa giza|hii giza|giza|ni giza|iko giza|in the dark|sitting in the dark|dark for|' +
      'flickering|low voltage|stole the transformer|transformer cables|mshumaa|with a torch|generator running|' +
      'mnatuletea giza',
  ],
  [
    'absence',
    1.5,
    'no|without|off|out|gone|cut|hakuna|hatuna|sina|bila|imepotea|imeenda|imekatika|umekatika|imezima|' +
      'zimezima|mmezima|haijarudi|haiko|inapotea|inakatika|zimepotea|ilipotea|ilienda|umepotea|not back|' +
      'still off|went off|goes off|going off|been off|has been off|completely gone|be back|come back|dark|' +
      'imelipuka|imeanguka|mnatuzimia|mmetuzimia|wametuzimia|kuzima|kuzimia|imezimwa|tumezimiwa|zimezimwa|' +
      'mnazima|went off again',
  ],
  [
    'duration',
    1,
    'since morning|since yesterday|since last night|since #num|since #num pm|since #num am|since noon|' +
      'since lunch|since friday|since sunday|since monday|for #num hours|#num hours|#num days|' +
      'for hours|for days|all night|all evening|the whole evening|whole day|third time|' +
      'tangu|tangu jana|tangu asubuhi|tangu juzi|tangu saa|siku tatu|siku nne|siku ya pili|siku #num|masaa|' +
      'wiki nzima|kila siku|kila jioni|kila mvua|every time|every week|every weekend|kila weekend|for a week|' +
      'two nights|#num rd time|#num rd day|three days|#num minutes|hours|days|again|tena|yet again|another day|mara ya nne|' +
      'mara kumi|this week|wiki hii|siku ngapi|sasa ni midnight|usiku mzima|eight hours|#num months|' +
      '#num weeks|#num years|two years|three weeks|two weeks|a year|last year|months|weeks|miezi|' +
      'miezi mitatu|mwaka jana|tangu mwaka jana|since|mara nyingi|every month|kila mwezi|three weeks since',
  ],
  [
    'restored',
    2.5,
    'power back|power is back|lights are back|lights back|power was restored|restored power|power restored|' +
      'stima imerudi|power imerudi|umeme umerudi|no blackout|no blackouts|hakuna blackout|haijapotea|' +
      'haijawahi kupotea|came in within seconds|within seconds|under a minute|in #num seconds|came through instantly|' +
      'zimeingia|zimeingia haraka|zimeingia fast|restored within',
  ],
  ['restored', 1.5, 'restored|imerudi|came in|instantly|improved|fixed the|sorted my|haraka sana'],
  [
    'planned',
    3,
    'scheduled power interruption|planned power interruption|scheduled maintenance|planned maintenance|' +
      'power interruption|interruption|scheduled interruption|umeme utakatizwa|kukatizwa kwa umeme',
  ],
];
