// The seam between the worker and every provider. Adapters are plain classes built from typed config:
// no Nest, no BullMQ, no SQL inside.

export type Channel = 'sms' | 'email' | 'push';

export interface PushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface RenderedSms {
  channel: 'sms';
  body: string;
}
export interface RenderedEmail {
  channel: 'email';
  subject: string;
  html: string;
  text?: string;
}
export interface RenderedPush {
  channel: 'push';
  title: string;
  body: string;
  url?: string;
}
export type RenderedMessage = RenderedSms | RenderedEmail | RenderedPush;

/** One message, rendered, on its way to one address. `touchpointId` lets callbacks find it again. */
export interface OutboundMessage {
  touchpointId: string;
  customerId: string;
  /** E.164 phone for sms, address for email, subscription endpoint or `fcm:<token>` for push. */
  to: string;
  /** The push subscription (push to a browser through Web Push). */
  subscription?: PushSubscription;
  /** The FCM registration token (push to a mobile app install); `to` is then `fcm:<token>`. */
  fcmToken?: string;
  locale?: string | null;
  /** `rtl` for Persian, Hebrew, Arabic and Urdu locales. */
  direction: 'ltr' | 'rtl';
  message: RenderedMessage;
}

export type SendResult =
  | {
      ok: true;
      provider: string;
      providerMessageId: string;
      /** Anything worth keeping on the touchpoint: segments, encoding… */
      details?: Record<string, unknown>;
    }
  | {
      ok: false;
      provider: string;
      /** transient: retry with backoff; permanent: record `failed`, never retry. */
      kind: 'transient' | 'permanent';
      code: string;
      message: string;
      /** From a 429's Retry-After, when the provider said. */
      retryAfterMs?: number;
      /** The address is dead (unsubscribed push endpoint, opted-out number): consent or subscription to revoke. */
      revoke?: 'consent' | 'subscription';
    };

export interface ChannelAdapter {
  readonly channel: Channel;
  /** `sandbox`, `twilio`, `sendgrid`, `web-push`… */
  readonly provider: string;
  send(message: OutboundMessage): Promise<SendResult>;
}
