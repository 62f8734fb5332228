import type { SqlQueryable } from '@stimawatch/core/db';
import type { Statement, StatementSource, StatusPageState } from './records';
import { toDate } from './records';

type Row = Record<string, unknown>;

function toStatement(row: Row): Statement {
  return {
    id: String(row.id),
    incidentId: (row.incident_id as string | null) ?? null,
    text: String(row.text),
    lang: String(row.lang),
    source: row.source as StatementSource,
    author: String(row.author),
    publishedAt: toDate(row.published_at),
    statusPageState: row.status_page_state as StatusPageState,
  };
}

export async function insertStatement(q: SqlQueryable, statement: Statement): Promise<Statement> {
  const { rows } = await q.query<Row>(
    `INSERT INTO statements (id, incident_id, text, lang, source, author, published_at, status_page_state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      statement.id,
      statement.incidentId,
      statement.text,
      statement.lang,
      statement.source,
      statement.author,
      statement.publishedAt.toISOString(),
      statement.statusPageState,
    ],
  );
  return toStatement(rows[0] as Row);
}

/** A statement with exactly this text published since `since`, if any (the echo check for official posts). */
export async function findStatementByText(
  q: SqlQueryable,
  text: string,
  since: Date,
): Promise<Statement | undefined> {
  const { rows } = await q.query<Row>(
    'SELECT * FROM statements WHERE text = $1 AND published_at >= $2 ORDER BY published_at DESC LIMIT 1',
    [text, since.toISOString()],
  );
  return rows[0] === undefined ? undefined : toStatement(rows[0]);
}

/** Latest first. */
export async function listStatements(
  q: SqlQueryable,
  filter: { limit: number; incidentId?: string },
): Promise<Statement[]> {
  const { rows } = await q.query<Row>(
    `SELECT * FROM statements WHERE ($1::text IS NULL OR incident_id = $1::text)
     ORDER BY published_at DESC, id DESC LIMIT $2`,
    [filter.incidentId ?? null, filter.limit],
  );
  return rows.map(toStatement);
}
