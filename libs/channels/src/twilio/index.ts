export * from './twilio-sms.adapter';
export * from './twilio-request-client';
export * from './twilio-status';
export * from './twilio-whatsapp.adapter';
