import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client';

// PGlite returns int8 (count(*), bigserial) as numbers; make node-postgres agree so queries serve both.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** A PostgreSQL server through a node-postgres pool. */
export function openPostgresClient(connectionString: string, maxConnections = 10): SqlClient {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work({
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            const rows = await connection.query(sql, [...params]);
            return { rows: rows.rows as Row[] };
          },
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
