/** Evidence the topic lexicons collect from a post; each is a sum of phrase weights. */
export const TOPIC_FEATURES = [
  /** The post is about tokens / prepaid vending ("token", "units", "okoa stima"). */
  'tokenSubject',
  /** A phrase that by itself says a token purchase failed ("no token", "tokens hazijaingia"). */
  'tokenFail',
  /** The customer paid ("nimelipa", "money deducted"). */
  'paid',
  /** Something failed or is still pending ("not coming through", "stuck", "bado"). */
  'fail',
  /** The post is about supply ("power", "stima", "umeme", "lights"). */
  'powerSubject',
  /** A phrase that by itself says there is no power ("blackout", "hakuna stima", "in darkness"). */
  'powerOut',
  /** Absence or loss, read together with a power subject ("no", "imepotea", "off"). */
  'absence',
  /** How long it has lasted or how often ("since morning", "tangu jana", "third time"). */
  'duration',
  /** Service came back or works ("power is back", "stima imerudi", "tokens came in within seconds"). */
  'restored',
  /** Planned interruptions and maintenance notices. */
  'planned',
  /** Problems other than outages: estimated bills, rude staff, bribes, hanging wires, high prices. */
  'other',
  /** What such complaints are about (bills, customer care, new connections, meters, poles). */
  'otherSubject',
  /** General complaint cues ("what is going on", "mko wapi", "tumechoka", "fix"). */
  'complaint',
  /** Genuine questions ("how do I", "nawezaje", "does anyone know"). */
  'question',
  /** The author speaks of themselves ("I", "my", "nimelipa", "yangu"). */
  'personal',
  /** The utility is named or addressed. */
  'kplc',
  /** Hard negatives: ads, jobs, tenders, news, politics, football, other utilities, idioms. */
  'noise',
  /** The utility's own templated wording ("kindly DM your meter number", "we regret the inconvenience"). */
  'official',
] as const;

export type TopicFeature = (typeof TOPIC_FEATURES)[number];

export type TopicFeatures = Record<TopicFeature, number>;

export function emptyTopicFeatures(): TopicFeatures {
  return {
    tokenSubject: 0,
    tokenFail: 0,
    paid: 0,
    fail: 0,
    powerSubject: 0,
    powerOut: 0,
    absence: 0,
    duration: 0,
    restored: 0,
    planned: 0,
    other: 0,
    otherSubject: 0,
    complaint: 0,
    question: 0,
    personal: 0,
    kplc: 0,
    noise: 0,
    official: 0,
  };
}
