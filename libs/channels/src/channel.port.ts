// The seam between the worker and every provider. Adapters are plain classes built from typed config:
// no Nest, no BullMQ, no SQL inside.

import type { Channel, TemplateFieldsOf } from '@touchpoint/journeys';

export type { Channel };

export interface PushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A message rendered for channel `C`: its template's fields, each rendered. */
export type RenderedOf<C extends Channel> = { channel: C } & TemplateFieldsOf<C>;
export type RenderedSms = RenderedOf<'sms'>;
export type RenderedEmail = RenderedOf<'email'>;
export type RenderedPush = RenderedOf<'push'>;
export type RenderedMessage = { [C in Channel]: RenderedOf<C> }[Channel];

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
      /**
       * transient: the provider did not take it, retry with backoff; permanent: record `failed`, never retry;
       * in_doubt: the request reached the provider and its answer was lost, so it may have been sent: never
       * retried, settled through `lookUp` where the provider can tell, else `unknown`.
       */
      kind: 'transient' | 'permanent' | 'in_doubt';
      code: string;
      message: string;
      /** From a 429's Retry-After, when the provider said. */
      retryAfterMs?: number;
      /** The address is dead (unsubscribed push endpoint, opted-out number): consent or subscription to revoke. */
      revoke?: 'consent' | 'subscription';
    };

/** What the provider holds of a message sent since a moment: how an in-doubt send is settled. */
export type ProviderLookup =
  /** Messages the provider took that match it, oldest first (the caller skips any another touchpoint owns). */
  | { kind: 'found'; matches: { providerMessageId: string; details?: Record<string, unknown> }[] }
  /** The provider holds no such message: it was not taken, and may be sent. */
  | { kind: 'not_found' }
  /** The lookup itself failed (network, 5xx): ask again later. */
  | { kind: 'failed'; message: string };

/**
 * Whether the provider accepts the configured credentials, asked without sending anything. `detail` is the
 * provider's own words (an account's name and status, a missing scope), never a credential.
 */
export interface CredentialCheck {
  status: 'accepted' | 'rejected' | 'unreachable' | 'unchecked' | 'sandbox';
  detail: string;
}

export interface ChannelAdapter {
  readonly channel: Channel;
  /** `sandbox`, `twilio`, `sendgrid`, `web-push`… */
  readonly provider: string;
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * Only where the provider can say what it took (Twilio's Messages list): the messages matching `message`
   * created at or after `since`. Without it an in-doubt send becomes `unknown`.
   */
  lookUp?(message: OutboundMessage, since: Date): Promise<ProviderLookup>;
  /** Only where the provider has a read that proves the credentials (Twilio's Account, SendGrid's scopes). */
  checkCredentials?(): Promise<CredentialCheck>;
}
