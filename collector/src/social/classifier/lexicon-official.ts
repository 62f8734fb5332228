import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** X handles of the utility (lower case, without "@"). */
export const OFFICIAL_HANDLES: ReadonlySet<string> = new Set([
  'kenyapower_care',
  'kenyapower',
  'kenyapowercare',
  'kplc',
  'kplc_care',
  'kenyapowerltd',
]);

/** The utility's templated wording (care-desk replies, notices, announcements). */
export const OFFICIAL_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  [
    'official',
    3,
    'kindly dm|dm us|via dm|kupitia dm|kindly bear with us|kindly be informed|ili tukusaidie|ili tufuatilie|' +
      'we regret|regret the inconvenience|we apologise|we apologize|apologise for the inconvenience|' +
      'thank you for your patience|we thank you for your patience|asante kwa uvumilivu|pole kwa usumbufu|' +
      'poleni kwa usumbufu|tunaomba radhi|our technical team|dear customer|dear customers|' +
      'dear valued customer|customers are advised|we wish to notify|interruption notice|customers supplied from|' +
      'adjacent customers|we have escalated|your token is|tokens purchased will be delivered|' +
      'beware of fraudsters|jihadhari na matapeli|how may we help|noted thank you|asante kwa kuwasiliana nasi|' +
      'thank you for choosing kenya power|we remain committed|timu husika|wateja wetu|mafundi wetu|' +
      'tutakujulisha|tafadhali tutumie|tafadhali thibitisha|kindly note|kindly confirm|kindly share|' +
      'kindly allow us|kindly visit|kindly check your|has been dispatched|you will be notified|tangazo',
  ],
  [
    'official',
    2.5,
    'apologies for the|apologies for any|inconvenience caused|for any inconvenience|our engineers|' +
      'our technicians|our team|team yetu|the technician|supply has been restored|has been restored|' +
      'have been restored|has been resent|has been sent to your|has been escalated|has been forwarded|' +
      'has been logged|the matter has been|we have noted|we have received your|we have confirmed|we are aware|' +
      'we are experiencing|we are unable|we are sorry|we have shared|we have resolved|will receive them|' +
      'services have resumed|huduma imerejea|umerejea|imerejeshwa|stima imerejeshwa|hitilafu imerekebishwa|' +
      'customers can now|customers who|we are proud|tune in|join us|our ceo|our offices|our customers|' +
      'our equipment|our nearest office|via our|our ussd|follow the prompts|tumia paybill|kama akaunti|' +
      'account number is your|ofisi yetu|our social media|tukusaidie|tufuatilie|kindly try again|' +
      'ombi lako|katika eneo lako|eneo hili|kwa ajili ya ukarabati|is investing in|safety first|' +
      'report suspicious|report any|does not charge|haitozi|dm your|for assistance|for follow up|so that we|' +
      'so that our team|kindly load|sorry for the inconvenience|samahani kwa usumbufu|samahani kwa kuchelewa|' +
      'concern with the|region team|relevant team|for action|attend to it|please note that|affecting parts of|' +
      'meter change|on site|iko site|working to restore|' +
      'wanashughulikia|are working|is working|will be restored|will be delivered|tumepokea ujumbe wako',
  ],
  ['official', 1.5, 'tafadhali tuma|tafadhali tembelea|the fault|parts of|kaunti ya|eneo la'],
  ['official', 1, 'hello|habari|hi|good morning|good evening'],
];
