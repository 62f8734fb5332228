import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sql-client';

/** Embedded PostgreSQL (WASM) under `dataDir`; in memory when `dataDir` is undefined (tests). */
export async function openPgliteClient(dataDir: string | undefined): Promise<SqlClient> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return db.transaction((tx) =>
        work({
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            const result = await tx.query<Row>(sql, [...params]);
            return { rows: result.rows };
          },
        }),
      );
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
  };
}
