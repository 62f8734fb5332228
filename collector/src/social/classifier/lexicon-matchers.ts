import { NOISE_PHRASES } from './lexicon-noise';
import { OFFICIAL_PHRASES } from './lexicon-official';
import { OTHER_COMPLAINT_PHRASES } from './lexicon-other-complaint';
import { POWER_OUTAGE_PHRASES } from './lexicon-power-outage';
import { SENTIMENT_PHRASES, type SentimentFeature } from './lexicon-sentiment';
import { TOKEN_PURCHASE_PHRASES } from './lexicon-token-purchase';
import { compilePhraseMatcher, type PhraseMatcher } from './phrase-matcher';
import type { TopicFeature } from './topic-feature';

/** One trie over every topic lexicon, so a phrase from one lexicon can hide words from another. */
export const TOPIC_MATCHER: PhraseMatcher<TopicFeature> = compilePhraseMatcher<TopicFeature>([
  ...TOKEN_PURCHASE_PHRASES,
  ...POWER_OUTAGE_PHRASES,
  ...OTHER_COMPLAINT_PHRASES,
  ...NOISE_PHRASES,
  ...OFFICIAL_PHRASES,
]);

export const SENTIMENT_MATCHER: PhraseMatcher<SentimentFeature> = compilePhraseMatcher(SENTIMENT_PHRASES);
