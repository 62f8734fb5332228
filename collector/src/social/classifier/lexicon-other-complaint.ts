import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** Bills, prices, connections, meters, staff, safety; plus general complaint, question and self cues. */
export const OTHER_COMPLAINT_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  [
    'other',
    3,
    'estimated bill|estimated bills|estimated|overcharged|overcharging|bill doubled|billing dispute|' +
      'debt recovery|loan recovery|meter replacement|replace my meter|meter separation|meter relocation|' +
      'meter transfer|faulty meter|meter is faulty|tea money|bribe|hongo|leaning pole|live wire|live wires|' +
      'fallen power line|daylight robbery|bili za kukadiria|mnakadiria|kukadiria|huduma mbovu|' +
      'inakula token|rude|kiburi|disconnection notice|disconnected my|reconnection fee|' +
      'customer service is a joke|nobody picks|no one picks|not picking|haishiki simu|hakuna anayeshika|' +
      'logs me out|bureaucracy|estimate|estimation|arrears|deductions|mnatukata|nakatwa|too high|so high|' +
      'ghali sana|so expensive|too expensive|bill of #num|bill ya #num|bili ya #num|stop sending|' +
      'bill is #num|bill imefika|bill imekuja|bili imekuja|bili imefika|bill ni #num|bili ni #num|jumped|' +
      'doubled|tripled|shot up|skyrocketed|nobody answers|no one answers|hawajibu|hawashiki simu|' +
      'demanded|demanding|kitu kidogo|juu sana|units chache|leaning|stop deducting|deducting|old debt|' +
      'kubahatisha|keeps crashing|crashing|crashes|havent heard anything|no feedback|no response|' +
      'huduma mbaya|hawaji|asome meter|busy all day|always busy|line is busy|zinaisha haraka|imeoza|' +
      'inakaribia kuanguka|mtu atakufa|spark|sparks|sparking|says i owe|i owe|come back after|by mistake|' +
      'bila kuniarifu|without notice|no action|hakuna action|want my money back|refund',
  ],
  [
    'other',
    2,
    'expensive|ghali|forex charge|fuel levy|imepanda|zimepanda|inapanda|' +
      'faulty|imeharibika|waiting list|queue|foleni|technicians asked|dug up|dangerous|hatari|' +
      'someone will die|mtu ataumia|on hold|call drops|unanswered|unprofessional|slow|buzzing|fewer units|' +
      'few units|units only|hawajakuja|hajawahi kuja|imefungwa|moshi|theft|wizi mtupu|scam|' +
      'come back next week|come tomorrow|hanging|exposed|imeinama|imeanguka|zinaninginia|left it|left the|' +
      'going up|keeps going up|getting worse|no explanation|nobody cares|still lying|mnaringa|tunangoja|' +
      'haifanyi kazi|cant see|quotation|accident waiting to happen|mbovu|aibu|imeegemea|ameumia|' +
      'highest tariffs|more helpful than|bila kumaliza|still waiting for my meter|tumeripoti|asked me for|' +
      'asked for|speed up|hasnt come|havent come|hajakuja',
  ],
  [
    'otherSubject',
    1,
    'bill|bills|bili|billing|postpaid bill|postpaid bills|price|prices|bei|tariff|tariffs|charges|pole|' +
      'streetlight|street light|street lights|electric pole|separate meter|line|tunaomba|nimeomba|tumeomba|' +
      'ombi|transformer kubwa|' +
      'poles|nguzo|wires|waya|nyaya|power lines|cables|streetlights|transformer upgrade|meter change|' +
      'meter reader|read the meter|read my meter|applied for|application|applied|tumeapply|new connection|' +
      'connection fee|connection|my connection|kuunganishiwa|waniunganishie|mtuunganishie|staff|' +
      'wafanyakazi|fundi wenu|technicians|technician|contractors|customer care|customer service|' +
      'huduma kwa wateja|hotline|callback|the app|app|office|ofisi|branch|deni|debt|mita mpya|meter|mita|' +
      'meter issue|reconnection|disconnected|units|calls|emails|dms',
  ],
  [
    'complaint',
    1,
    'what is going on|whats going on|whats the issue|what is the issue|mbona|why|please help|help|msaada|' +
      'fix|fix it|fix your system|sort this out|mko wapi|what now|tumechoka|tired of this|imeanza tena|' +
      'unacceptable|useless|hii ni nini|mnatufanyia nini|mnatucheza|mnatuibia|mnalala|nani atanisaidia|' +
      'kindly assist|assist|seriously|are you serious|make it make sense|is anyone|wizi|rekebisheni|' +
      'tufanye nini|nobody|no one|hakuna mtu|hakuna anayejibu|silent|no update|not normal|nothing done|' +
      'are you serious|mnafanya nini|where is my money|what is the point|who is reading|explain this|explain|' +
      'something is off|hamna haraka|stop it|killing|is killing|who do i complain to|mnacheza na sisi|' +
      'who approved|hamjafanya kitu|bado hamjafanya|hakuna mtu amekuja|madness|struggling|imenichosha',
  ],
  [
    'question',
    2,
    'how do i|how can i|how many|how long|what is|where is|which is|can i|is it true|does anyone know|' +
      'anyone know|just curious|asking for a friend|nawezaje|inafanyaje|nani anajua|kuna mtu anajua|' +
      'nauliza tu|what happens|ni how much|ni paybill gani|paybill ni gani|how do|nani ako na number|' +
      'inaweza kukopesha',
  ],
  [
    'personal',
    1,
    'i|my|me|mine|im|ive|id|nimelipa|nimetuma|yangu|zangu|nimenunua|nimejaribu|sijapata|sijapokea|sina|' +
      'niko|nime|mimi|we|our|us|tuko|hatuna|tumekaa|tumechoka|yetu|kwetu',
  ],
  ['kplc', 1, 'kplc|kenya power|kenya power and lighting|kenya power lighting company|mafundi wa kplc'],
];
