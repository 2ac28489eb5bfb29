export * from './fcm-address';
export * from './fcm-push.adapter';
export * from './fcm-access-token';
