import { openPostgresClient, type SqlClient } from '@stimawatch/core/db';
import { type PrivatePostgres, TEST_POSTGRES_ADMIN_URL, waitFor } from '@stimawatch/core/testing';

/**
 * Closes the pool, waits until the server has let go of its sessions, then drops the database. node-postgres
 * resolves `pool.end()` before the sessions are gone, and a forced drop would kill them mid-goodbye (an
 * unhandled 57P01 error in the test process).
 */
export async function closeAndDrop(db: SqlClient, privatePostgres: PrivatePostgres): Promise<void> {
  await db.close();
  await dropWhenIdle(privatePostgres);
}

/** Drops the database once no session uses it any more (see `closeAndDrop`). */
export async function dropWhenIdle(privatePostgres: PrivatePostgres): Promise<void> {
  const name = new URL(privatePostgres.url).pathname.slice(1);
  const admin = openPostgresClient(TEST_POSTGRES_ADMIN_URL, 1);
  try {
    await waitFor('the test database sessions to end', async () => {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      return rows[0]?.n === 0;
    });
  } finally {
    await admin.close();
  }
  await privatePostgres.drop();
}
