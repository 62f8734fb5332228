import { join } from 'node:path';
import { openPgliteClient } from './pglite-client';
import { openPostgresClient } from './postgres-client';
import type { SqlClient } from './sql-client';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when unset the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; each service gets its own folder since PGlite is single-process. */
  dataDir: string;
  service: string;
}

export function openDatabase(options: DatabaseOptions): Promise<SqlClient> {
  if (options.databaseUrl) return Promise.resolve(openPostgresClient(options.databaseUrl));
  return openPgliteClient(join(options.dataDir, `pglite-${options.service}`));
}
