export * from './web-push.adapter';
