import type { PostCategory, PostLanguage, PostTopic, Sentiment, SocialSource } from '@stimawatch/core';
import { migrate, type SqlClient } from '@stimawatch/core/db';
import { SOCIAL_MIGRATIONS } from './mention-migrations';

/** A mention as stored: text already masked, author already hashed, classifier output alongside. */
export interface MentionRow {
  source: SocialSource;
  channel: string;
  externalId: string;
  authorKey: string;
  authorHandle: string | null;
  text: string;
  createdAtMs: number;
  receivedAtMs: number;
  category: PostCategory;
  topic: PostTopic | null;
  lang: PostLanguage;
  county: string | null;
  sentiment: Sentiment;
  sentimentScore: number;
  impressions: number | null;
  followers: number | null;
  reach: number;
  reportKind: string | null;
  counted: boolean;
}

const COLUMNS = [
  'source',
  'channel',
  'external_id',
  'author_key',
  'author_handle',
  'text',
  'created_at',
  'received_at',
  'category',
  'topic',
  'lang',
  'county',
  'sentiment',
  'sentiment_score',
  'impressions',
  'followers',
  'reach',
  'report_kind',
  'counted',
] as const;

/** Rows per INSERT: 19 parameters each stays far below PostgreSQL's 65,535-parameter limit. */
const ROWS_PER_STATEMENT = 500;

export function mentionIdentity(row: { source: string; channel: string; externalId: string }): string {
  return `${row.source}|${row.channel}|${row.externalId}`;
}

export interface MentionStore {
  migrate(): Promise<void>;
  /** Multi-row inserts; returns the identities (`mentionIdentity`) of rows that were new. */
  insertMany(rows: readonly MentionRow[]): Promise<Set<string>>;
  /** Deletes mentions created before the cutoff; returns how many. */
  purgeBefore(cutoffMs: number): Promise<number>;
}

function rowValues(row: MentionRow): unknown[] {
  return [
    row.source,
    row.channel,
    row.externalId,
    row.authorKey,
    row.authorHandle,
    row.text,
    new Date(row.createdAtMs).toISOString(),
    new Date(row.receivedAtMs).toISOString(),
    row.category,
    row.topic,
    row.lang,
    row.county,
    row.sentiment,
    row.sentimentScore,
    row.impressions,
    row.followers,
    row.reach,
    row.reportKind,
    row.counted,
  ];
}

export function createMentionStore(db: SqlClient): MentionStore {
  return {
    async migrate() {
      await migrate(db, 'social', SOCIAL_MIGRATIONS);
    },

    async insertMany(rows) {
      const inserted = new Set<string>();
      for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => {
          const placeholders = rowValues(row).map((value) => {
            params.push(value);
            return `$${params.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        const { rows: returned } = await db.query<{ source: string; channel: string; external_id: string }>(
          `INSERT INTO social_mentions (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
           ON CONFLICT (source, channel, external_id) DO NOTHING
           RETURNING source, channel, external_id`,
          params,
        );
        for (const row of returned) {
          inserted.add(
            mentionIdentity({ source: row.source, channel: row.channel, externalId: row.external_id }),
          );
        }
      }
      return inserted;
    },

    async purgeBefore(cutoffMs) {
      const { rows } = await db.query<{ n: number }>(
        'WITH gone AS (DELETE FROM social_mentions WHERE created_at < $1 RETURNING 1) SELECT count(*) AS n FROM gone',
        [new Date(cutoffMs).toISOString()],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
