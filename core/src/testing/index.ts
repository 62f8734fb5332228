export * from './child-exit';
export * from './free-port';
export * from './private-postgres';
export * from './private-redis';
export * from './private-redis-server';
export * from './redis-blip';
export * from './wait-for';
