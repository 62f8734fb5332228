export * from './private-postgres';
export * from './private-redis';
