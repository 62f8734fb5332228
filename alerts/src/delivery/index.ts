export { DEAD_LETTER_QUEUE } from './bullmq-delivery';
export * from './create-delivery';
export type { DeadLetter } from './delivery-job';
export * from './notification';
export * from './notification-schema';
export * from './notifier-error';
