import { hashIdentifier, type Logger, type PostClassification } from '@stimawatch/core';
import type { Counter } from 'prom-client';
import type { ComplaintCounter } from './counting/complaint-counter';
import type { RepeatFilter } from './counting/repeat-filter';
import { looksLikeRetweet } from './counting/text-fingerprint';
import { maskPostText } from './mask-post-text';
import type { Classify, IncomingMention, IngestSummary, MentionSink } from './mention';
import { type MentionRow, type MentionStore, mentionIdentity } from './storage/mention-store';

export interface MentionPipelineDeps {
  classify: Classify;
  store: MentionStore;
  repeats: RepeatFilter;
  counter: ComplaintCounter;
  postsTotal: Counter<'source' | 'category'>;
  hashSalt: string;
  officialHandles: readonly string[];
  logger: Logger;
  now: () => number;
}

/** What a post that the classifier failed on is taken for: stored and visible, never counted as a complaint. */
const UNCLASSIFIED: PostClassification = {
  category: 'not_complaint',
  topic: null,
  lang: 'en',
  county: null,
  sentiment: 'neutral',
  sentiment_score: 0,
};

/**
 * The one path of every mention: drop retweets and copy-paste repeats, classify, count unique complaining
 * authors in Redis, then store masked rows in one multi-row insert. Every step is idempotent per post id,
 * so a poll retried after a failure neither loses nor double-counts posts.
 */
export function createMentionPipeline(deps: MentionPipelineDeps): MentionSink {
  const official = new Set(deps.officialHandles.map((handle) => handle.toLowerCase()));
  const log = deps.logger;

  const classifyOne = (mention: IncomingMention, isOfficial: boolean): PostClassification => {
    if (mention.classification !== undefined) return mention.classification;
    try {
      return deps.classify({
        text: mention.text,
        ...(mention.authorHandle === null ? {} : { authorHandle: mention.authorHandle }),
        isOfficialAccount: isOfficial,
      });
    } catch (error) {
      log.error(
        { err: error, source: mention.source, channel: mention.channel },
        'classifier failed on a post',
      );
      return UNCLASSIFIED;
    }
  };

  return async (mentions) => {
    const summary: IngestSummary = { stored: 0, duplicates: 0, repeats: 0, retweets: 0 };
    const unique = new Map<string, IncomingMention>();
    for (const mention of mentions) {
      if (mention.isRetweet === true || looksLikeRetweet(mention.text)) {
        summary.retweets += 1;
        continue;
      }
      const identity = mentionIdentity(mention);
      if (unique.has(identity)) summary.duplicates += 1;
      else unique.set(identity, mention);
    }
    const ordered = [...unique.entries()]
      .map(([identity, mention]) => ({
        identity,
        mention,
        postKey: hashIdentifier(identity, deps.hashSalt),
        authorKey: hashIdentifier(`${mention.channel}:${mention.authorId}`, deps.hashSalt),
        isOfficial:
          mention.isOfficialAccount === true ||
          (mention.authorHandle !== null && official.has(mention.authorHandle.toLowerCase())),
      }))
      .sort((a, b) => a.mention.createdAtMs - b.mention.createdAtMs);
    const checked = ordered.filter((post) => !post.isOfficial);
    const repeatFlags = await deps.repeats.check(
      checked.map((post) => ({ postKey: post.postKey, authorKey: post.authorKey, text: post.mention.text })),
    );
    const repeats = new Set(
      checked.filter((_, index) => repeatFlags[index] === true).map((post) => post.postKey),
    );
    summary.repeats = repeats.size;

    const kept = ordered
      .filter((post) => !repeats.has(post.postKey))
      .map((post) => {
        const classification = classifyOne(post.mention, post.isOfficial);
        return {
          ...post,
          classification: post.isOfficial
            ? { ...classification, category: 'official' as const }
            : classification,
        };
      });
    await deps.counter.record(
      kept
        .filter((post) => !post.isOfficial && post.mention.countable !== false)
        .map((post) => ({
          postKey: post.postKey,
          authorKey: post.authorKey,
          timeMs: post.mention.createdAtMs,
          isOutageComplaint: post.classification.category === 'outage_complaint',
          isNegative: post.classification.sentiment === 'negative',
        })),
    );
    const receivedAtMs = deps.now();
    const rows: MentionRow[] = kept.map(({ mention, authorKey, classification }) => ({
      source: mention.source,
      channel: mention.channel,
      externalId: mention.externalId,
      authorKey,
      authorHandle: mention.authorHandle === null ? null : maskPostText(mention.authorHandle),
      text: maskPostText(mention.text),
      createdAtMs: mention.createdAtMs,
      receivedAtMs,
      category: classification.category,
      topic: classification.topic,
      lang: classification.lang,
      county: classification.county,
      sentiment: classification.sentiment,
      sentimentScore: classification.sentiment_score,
      impressions: mention.impressions ?? null,
      followers: mention.followers ?? null,
      reach: mention.reach ?? Math.max(mention.impressions ?? 0, mention.followers ?? 0),
      reportKind: mention.reportKind ?? null,
      counted: mention.countable !== false,
    }));
    const inserted = await deps.store.insertMany(rows);
    for (const row of rows) {
      if (!inserted.has(mentionIdentity(row))) {
        summary.duplicates += 1;
        continue;
      }
      summary.stored += 1;
      deps.postsTotal.inc({ source: row.source, category: row.category });
    }
    return summary;
  };
}
