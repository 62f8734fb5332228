import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** Bills, prices, connections, meters, staff, safety; plus general complaint, question and self cues. */
export const OTHER_COMPLAINT_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  [
    'other',
    3,
    'estimated bill|estimated bills|estimated|overcharged|overcharging|bill doubled|billing dispute|' +
      'debt recovery|loan recovery|meter replacement|replace my meter|meter separation|meter relocation|' +
      'meter transfer|faulty meter|meter is faulty|meter yangu imekuwa faulty|tea money|bribe|hongo|' +
      'leaning pole|live wire|live wires|fallen power line|power lines|wires|waya|nyaya|daylight robbery|' +
      'new connection|connection fee|kuunganishiwa|waniunganishie|mtuunganishie|bili za kukadiria|' +
      'mnakadiria|kukadiria|huduma mbovu|inakula token|rude|kiburi|nguzo|disconnection notice|' +
      'disconnected my|reconnection fee|transformer upgrade|streetlights|meter reader|read the meter|' +
      'read my meter|customer service is a joke|nobody picks|no one picks|not picking|haishiki simu|' +
      'hakuna anayeshika|logs me out|bureaucracy|estimate|estimation|arrears|deductions|mnatukata|nakatwa',
  ],
  [
    'other',
    2,
    'bill|bills|bili|billing|postpaid bill|expensive|ghali|so expensive|too expensive|price|prices|bei|' +
      'tariff|tariffs|forex charge|fuel levy|charges|imepanda|zimepanda|inapanda|pole|faulty|imeharibika|' +
      'meter change|applied for|application|applied|tumeapply|waiting list|queue|foleni|staff|wafanyakazi|' +
      'fundi wenu|technicians asked|contractors|dug up|dangerous|hatari|someone will die|mtu ataumia|' +
      'customer care|customer service|huduma kwa wateja|hotline|on hold|call drops|unanswered|callback|' +
      'the app|app|office|ofisi|branch|deni|debt|unprofessional|slow|buzzing|fewer units|few units|' +
      'units only|units kumi|hawajakuja|hajawahi kuja|imefungwa|mita mpya|meter issue|arrears|moshi|' +
      'reconnection|disconnected|theft|wizi mtupu|scam|come back next week|come tomorrow',
  ],
  [
    'complaint',
    1,
    'what is going on|whats going on|whats the issue|what is the issue|mbona|why|please help|help|msaada|' +
      'fix|fix it|fix your system|sort this out|mko wapi|what now|tumechoka|tired of this|imeanza tena|' +
      'unacceptable|useless|hii ni nini|mnatufanyia nini|mnatucheza|mnatuibia|mnalala|nani atanisaidia|' +
      'kindly assist|assist|seriously|are you serious|make it make sense|is anyone|wizi|rekebisheni|' +
      'tufanye nini|nobody|no one|hakuna mtu|hakuna anayejibu|silent|no update|not normal|nothing done',
  ],
  [
    'question',
    2,
    'how do i|how can i|how many|how long|what is|where is|which is|can i|is it true|does anyone know|' +
      'anyone know|just curious|asking for a friend|nawezaje|inafanyaje|nani anajua|kuna mtu anajua|' +
      'nauliza tu|what happens|ni how much|ni paybill gani|paybill ni gani|how do|nani ako na number|' +
      'inaweza kukopesha|is there a',
  ],
  [
    'personal',
    1,
    'i|my|me|mine|im|ive|id|nimelipa|nimetuma|yangu|zangu|nimenunua|nimejaribu|sijapata|sijapokea|sina|' +
      'niko|nime|mimi|we|our|us|tuko|hatuna|tumekaa|tumechoka|yetu|kwetu',
  ],
  [
    'kplc',
    1,
    'kplc|kenya power|kenya power and lighting|kenyapower|kenya power lighting company|kenya pawa|mafundi wa kplc',
  ],
];
