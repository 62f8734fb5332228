import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server on this machine (trust auth); tests create their own database on it. */
export const TEST_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface PrivatePostgres {
  url: string;
  drop(): Promise<void>;
}

/** Creates a database private to one test run and returns its URL; `drop()` removes it. */
export async function createPrivatePostgres(adminUrl = TEST_POSTGRES_ADMIN_URL): Promise<PrivatePostgres> {
  const name = `stimawatch_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
