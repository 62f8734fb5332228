export * from './webhook-config';
export * from './webhook-notifier';
export * from './webhook-payload';
