export * from './email-config';
export * from './email-notifier';
