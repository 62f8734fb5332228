import type { PostClassification, SocialSource } from '@stimawatch/core';
import type { Hono } from 'hono';

export const REPORT_KINDS = ['no_token', 'no_power', 'payment_failed'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One post, message or self-report as a source hands it over, before dedupe, classification and masking. */
export interface IncomingMention {
  /** Bounded metric label: `x`, `webhook` or `report`. */
  source: SocialSource;
  /** Where it was said: `x`, `facebook`, `call_centre`, `sms_shortcode`, `self_report`… */
  channel: string;
  externalId: string;
  /** Stable identity of the author within the channel; hashed before it reaches Redis or the database. */
  authorId: string;
  /** Public handle shown in the feed (an X username); masked if it holds a phone number. */
  authorHandle: string | null;
  text: string;
  createdAtMs: number;
  impressions?: number;
  followers?: number;
  /** Reach given by the source (webhooks); otherwise the larger of impressions and followers. */
  reach?: number;
  isRetweet?: boolean;
  isOfficialAccount?: boolean;
  reportKind?: ReportKind;
  /** False for a mention that is stored but must not count (a second self-report within the hour). */
  countable?: boolean;
  /** A fixed classification (self-reports); otherwise the classifier decides. */
  classification?: PostClassification;
}

export interface IngestSummary {
  stored: number;
  /** Already stored (same source, channel and id). */
  duplicates: number;
  /** Copy-paste repeats of a recent post, by the same author or by another one. */
  repeats: number;
  retweets: number;
}

/** The one place every source hands its mentions to. */
export type MentionSink = (mentions: IncomingMention[]) => Promise<IngestSummary>;

export interface PollOutcome {
  /** When the source asks to be polled again earlier than its schedule (after a rate-limit reset). */
  retryAtMs?: number;
}

/**
 * A source of mentions. Pull sources (X recent search) poll on the job schedule; push sources (the mentions
 * webhook, customer self-reports) serve routes. All hand their mentions to the same sink.
 */
export interface MentionSource {
  readonly source: SocialSource;
  poll?(): Promise<PollOutcome>;
  mount?(app: Hono): void;
}

export type Classify = (post: {
  text: string;
  authorHandle?: string;
  isOfficialAccount?: boolean;
}) => PostClassification;
