import type { PostCategory } from './social-labels';
import type { ErrorClass } from './vend-labels';

/**
 * JSON the collector serves to the console (`/v1/live`, `/v1/live/snapshot`, `/v1/mentions`, `/v1/mentions/summary`), typed
 * once so the producer and the dashboard cannot drift apart. Aggregates only, no personal data.
 */
export interface ProbeStatus {
  name: string;
  up: boolean | null;
  lastCheckedAt: string | null;
  durationSeconds: number | null;
}

export interface TopErrorCode {
  code: string;
  class: ErrorClass;
  count: number;
  rawExamples: string[];
}

/** What the console's live tiles show. */
export interface LiveSnapshot {
  generatedAt: string;
  tokensLastMinute: number;
  tokensSameMinuteLastWeek: number | null;
  systemFailureRatio5m: number | null;
  failures5m: number;
  counted5m: number;
  paymentsWithoutToken: number | null;
  topErrorCodes15m: TopErrorCode[];
  probes: ProbeStatus[];
  redisUp: boolean;
  /** One point per minute, oldest first; the last point is the current, unfinished minute. */
  series: { startMs: number; stepSeconds: 60; tokens: number[]; failures: number[] };
}

/** One classified mention in the feed (`GET /v1/mentions`); phone and meter numbers already masked. */
export interface Mention {
  id: number;
  source: string;
  channel: string;
  externalId: string;
  url: string | null;
  author: string | null;
  text: string;
  createdAt: string;
  lang: string;
  category: string;
  topic: string | null;
  county: string | null;
  sentiment: string;
  sentimentScore: number;
  /** Impressions, else author followers: the loudest posts first. */
  reach: number;
  impressions: number | null;
  followers: number | null;
  reportKind: string | null;
}

export interface MentionPage {
  items: Mention[];
  nextCursor: string | null;
}

export interface SummaryBucket {
  start: string;
  posts: number;
  complaintAuthors: number;
  baseline: number;
  negative: number;
  neutral: number;
  positive: number;
  meanSentiment: number | null;
}

export interface MentionSummary {
  since: string;
  until: string;
  byCategory: Record<PostCategory, number>;
  byCounty: { county: string; posts: number; outageComplaints: number }[];
  buckets: SummaryBucket[];
}
