import type { PostClassification } from '@stimawatch/core';
import { decideCategory } from './decide-category';
import { detectCounty } from './detect-county';
import { detectLanguage } from './detect-language';
import { OFFICIAL_HANDLES } from './lexicon-official';
import { normalizePost } from './normalize-text';
import { scanTopicFeatures } from './scan-topic-features';
import { blame, scoreSentiment, sincerePraise, tallySentiment } from './score-sentiment';

export interface SocialPost {
  text: string;
  /** X handle, with or without "@". */
  authorHandle?: string;
  /** True when the source knows the author is the utility. */
  isOfficialAccount?: boolean;
}

function isOfficialHandle(handle: string | undefined): boolean {
  if (handle === undefined) return false;
  const bare = handle.startsWith('@') ? handle.slice(1) : handle;
  return OFFICIAL_HANDLES.has(bare.toLowerCase());
}

/**
 * Classifies one social post about the utility: category, outage topic, language, county and sentiment.
 * Pure and synchronous; nothing is loaded at run time beyond the lexicons compiled at import.
 */
export function classifyPost(post: SocialPost): PostClassification {
  const { tokens, cues } = normalizePost(post.text);
  const features = scanTopicFeatures(tokens);
  const officialAuthor = post.isOfficialAccount === true || isOfficialHandle(post.authorHandle);
  const sentimentTally = tallySentiment(tokens);
  const { category, topic } = decideCategory(features, cues, {
    officialAuthor,
    praise: sincerePraise(sentimentTally, cues),
    blame: blame(sentimentTally, cues),
  });
  const complaint = category === 'outage_complaint' || category === 'other_complaint';
  const { sentiment, score } = scoreSentiment(sentimentTally, cues, {
    complaint,
    official: category === 'official',
  });
  return {
    category,
    topic,
    lang: detectLanguage(tokens),
    county: detectCounty(tokens),
    sentiment,
    sentiment_score: score,
  };
}
