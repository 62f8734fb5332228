export * from './child-exit';
export * from './private-postgres';
export * from './private-redis';
export * from './wait-for';
