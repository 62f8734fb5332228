import type { Migration } from '@stimawatch/core/db';

/** Schema of the `social` scope (frozen once released: add migrations, never edit these). */
export const SOCIAL_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_social_mentions',
    sql: `
CREATE TABLE social_mentions (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  channel text NOT NULL,
  external_id text NOT NULL,
  author_key text NOT NULL,
  author_handle text,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  category text NOT NULL,
  topic text,
  lang text NOT NULL,
  county text,
  sentiment text NOT NULL,
  sentiment_score double precision NOT NULL,
  impressions bigint,
  followers bigint,
  reach bigint NOT NULL,
  report_kind text,
  counted boolean NOT NULL,
  CONSTRAINT social_mentions_external UNIQUE (source, channel, external_id)
);
CREATE INDEX social_mentions_created ON social_mentions (created_at DESC, id DESC);
CREATE INDEX social_mentions_reach ON social_mentions (reach DESC, id DESC);
CREATE INDEX social_mentions_category_created ON social_mentions (category, created_at DESC)`,
  },
];
