export * from './fcm-address';
export * from './fcm-push.adapter';
