export * from './africas-talking-config';
export * from './africas-talking-notifier';
export * from './sms-response';
