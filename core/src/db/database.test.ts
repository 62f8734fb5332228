import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePostgres, type PrivatePostgres } from '../testing';
import { migrate } from './migrate';
import { openPgliteClient } from './pglite-client';
import { openPostgresClient } from './postgres-client';
import type { SqlClient } from './sql-client';

const MIGRATIONS = [
  {
    id: '0001_items',
    sql: 'CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL);\nCREATE INDEX items_name ON items (name);',
  },
  { id: '0002_items_count', sql: 'ALTER TABLE items ADD COLUMN hits int NOT NULL DEFAULT 0' },
];

let privatePostgres: PrivatePostgres;
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
});
afterAll(async () => {
  await privatePostgres.drop();
});

describe.each([
  ['pglite', () => openPgliteClient(undefined)],
  ['postgres', async () => openPostgresClient(privatePostgres.url)],
] as const)('SqlClient on %s', (_kind, open) => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies migrations once, in order', async () => {
    expect(await migrate(db, 'core_test', MIGRATIONS)).toEqual(['0001_items', '0002_items_count']);
    expect(await migrate(db, 'core_test', MIGRATIONS)).toEqual([]);
  });

  it('returns bigint columns and counts as numbers on both servers', async () => {
    await db.query('INSERT INTO items (name) VALUES ($1), ($2)', ['a', 'b']);
    const { rows } = await db.query<{ n: number; max: number }>(
      'SELECT count(*) AS n, max(id) AS max FROM items',
    );
    expect(rows[0]).toEqual({ n: 2, max: 2 });
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (name) VALUES ($1)', ['c']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM items WHERE name = $1', ['c']);
    expect(rows[0]?.n).toBe(0);
  });
});
