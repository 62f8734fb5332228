import { TOPIC_MATCHER } from './lexicon-matchers';
import { emptyTopicFeatures, type TopicFeatures } from './topic-feature';

/**
 * Swahili verbs addressed to "you (plural)" in the present or perfect ("mnatuibia", "mnabadilisha",
 * "mmezima"): customers scolding the utility. Weak evidence, counted once per verb.
 */
const SCOLDING_VERB_RE = /^(?:mna|mme|mli|hamu|hamja)[a-z]{4,}$/;
const SCOLDING_WEIGHT = 0.5;

/** Sums the weights of every topic phrase found in the tokens, per feature. */
export function scanTopicFeatures(tokens: readonly string[]): TopicFeatures {
  const features = emptyTopicFeatures();
  TOPIC_MATCHER.scan(tokens, (hits) => {
    for (const hit of hits) features[hit.feature] += hit.weight;
  });
  for (const token of tokens) {
    const first = token.charCodeAt(0);
    // Cheap first-letter check ('m' or 'h') before the regex.
    if ((first === 109 || first === 104) && SCOLDING_VERB_RE.test(token))
      features.complaint += SCOLDING_WEIGHT;
  }
  return features;
}
