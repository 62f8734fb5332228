export * from './slack-config';
export * from './slack-message';
export * from './slack-notifier';
