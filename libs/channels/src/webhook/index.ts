export { isPublicAddress } from './public-address';
export { callWebhook, isRetriable, type WebhookRequest, type WebhookResponse } from './webhook-client';
export { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './webhook-signature';
