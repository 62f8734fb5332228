/** Classifier output vocabulary (DESIGN section 4, classifier CLI contract). */
export const POST_CATEGORIES = ['outage_complaint', 'other_complaint', 'not_complaint', 'official'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export const POST_TOPICS = ['token_purchase', 'power_outage'] as const;
export type PostTopic = (typeof POST_TOPICS)[number];

export const POST_LANGUAGES = ['en', 'sw', 'mixed'] as const;
export type PostLanguage = (typeof POST_LANGUAGES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** What the classifier says of one post; field names follow the CLI contract. */
export interface PostClassification {
  category: PostCategory;
  topic: PostTopic | null;
  lang: PostLanguage;
  /** One of the 47 Kenyan counties, as spelled in `KENYAN_COUNTIES`, or null. */
  county: string | null;
  sentiment: Sentiment;
  /** In [-1, 1]. */
  sentiment_score: number;
}

/** Social sources (bounded `source` label values). */
export const SOCIAL_SOURCES = ['x', 'webhook', 'report'] as const;
export type SocialSource = (typeof SOCIAL_SOURCES)[number];
