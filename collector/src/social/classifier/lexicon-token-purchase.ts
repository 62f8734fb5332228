import type { PhraseGroup } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** Token purchase failures in English, Swahili and Sheng (normalised spelling). */
export const TOKEN_PURCHASE_PHRASES: readonly PhraseGroup<TopicFeature>[] = [
  [
    'tokenSubject',
    1,
    'token|tokens|units|unit|prepaid|vending|token sms|token message|okoa stima|paybill|lipa na mpesa|kplc prepaid|' +
      'buy tokens|buying tokens|buy token|kununua token|kununua tokens|token yangu|tokens zangu|token zangu|' +
      'meter number|namba ya mita|nambari ya mita|mpesakplc|ussd|airtel money|mpesa|payment|payments|' +
      'pay kplc|to kplc|lipa kplc',
  ],
  [
    'tokenFail',
    3,
    'no token|no tokens|zero tokens|not a token|token not received|tokens not received|no token sms|' +
      'no token message|invalid token|rejecting the token|rejected the token|token rejected|keeps rejecting|' +
      'organization receiving the payment|organisation receiving the payment|kplc unavailable|vending down|' +
      'token system down|token system is down|token system iko down|sijapata token|sijapata tokens|' +
      'sijapokea token|token iko wapi|tokens ziko wapi|token ziko wapi|mpesa inakataa|inakataa kulipa|' +
      'shirika halipatikani|hakuna token|hakuna tokens|cant buy tokens|cant buy token|unable to buy|' +
      'key change required|hatutanunua tokens|tokens hazikuji|token hazikuji|hakuna units|token hakuna|' +
      'tokens hakuna|units hakuna',
  ],
  ['tokenFail', 2.5, 'zero units|no units|still on zero|imekataa kwa meter|token imekataa'],
  [
    'fail',
    2.5,
    'not coming through|not going through|transaction failed|request failed|service unavailable|still nothing|' +
      'never arrived|never came|havent received|have not received|didnt receive|not received|not getting|' +
      'hazijaingia|haijaingia|haziingii|haiingii|hazijafika|haijafika|haijaja|hazijaja|hazikuja|haikuja|' +
      'hazitumwi|haitumwi|haijatumwa|sijapata|sijapokea|sijatumiwa|timing out|paybill haiendi|haiendi|haipiti|' +
      'bado hakuna kitu|ziko wapi|bila kunipa|taking forever|forever|haifanyi kazi|haifanyi|reject|' +
      'inasema reject',
  ],
  [
    'fail',
    1.5,
    'not coming|not working|failed|failing|fails|fail|stuck|still waiting|error|errors|' +
      'rejecting|rejected|rejects|inakataa|imekataa|zinachelewa|imechelewa|inachelewa|nothing yet|nothing|' +
      'sijaona kitu|bado hakuna|down|collapses|unavailable|' +
      'technical challenges|haitambuliki|imekufa|processing|pending|keeps saying|still says|beeping|inalia|' +
      'says nothing|no record|no reply',
  ],
  ['fail', 2, 'delayed|delay|is down|system is down|iko down|hakuna kitu|iko wapi|zimekuwa delayed'],
  ['fail', 1.5, 'nimesubiri|tunasubiri|tumesubiri|waited|havent heard'],
  ['fail', 0.7, 'waiting|bado|still|hadi sasa|hadi saa hii|kama kawaida'],
  [
    'paid',
    1.5,
    'i paid|i have paid|ive paid|have paid|paid|nimelipa|amelipa|nimetuma|nimetuma pesa|sent money|sent pesa|' +
      'money gone|pesa imeenda|pesa imekatwa|money deducted|money was deducted|deducted|debited|' +
      'payment successful|money went through|payment inaenda|inakubali pesa|nimenunua|niliyonunua|bought|' +
      'purchased|i purchased|charged|mpesakplc|borrowed|nimepoteza',
  ],
];
