export * from './africas-talking';
export * from './create-notifiers';
export * from './email';
export type { Env } from './env-config';
export * from './notifier-providers';
export * from './slack';
export * from './webhook';
