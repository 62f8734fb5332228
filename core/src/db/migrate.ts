import type { SqlClient } from './sql-client';

export interface Migration {
  /** Sortable, frozen once released: `0001_incidents`. */
  id: string;
  sql: string;
}

/**
 * Applies pending migrations in id order, each in its own transaction, recording them in
 * `<scope>_migrations` so two services can share one PostgreSQL database without colliding.
 * An advisory lock keyed on the scope serialises concurrent starts on PostgreSQL.
 */
export async function migrate(
  db: SqlClient,
  scope: string,
  migrations: readonly Migration[],
): Promise<string[]> {
  if (!/^[a-z_]+$/.test(scope)) throw new Error(`migration scope must be lower-case letters: ${scope}`);
  const table = `${scope}_migrations`;
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((row) => row.id),
    );
    for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}

/** Migrations are plain DDL without functions, so splitting on `;` at line ends is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}
