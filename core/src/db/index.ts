export * from './migrate';
export * from './open-database';
export * from './pglite-client';
export * from './postgres-client';
export type * from './sql-client';
