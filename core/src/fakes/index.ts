export * from './fake-africas-talking';
export * from './fake-slack';
export * from './fake-smtp';
export * from './fake-webhook-receiver';
export * from './fake-x-server';
