export * from './channel.port';
export * from './template-renderer';
export * from './sms-segments';
export * from './sandbox/sandbox.adapter';
export * from './channel-router';
