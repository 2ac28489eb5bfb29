import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { ChannelAdapter, OutboundMessage, PushSubscription, SendResult } from '../channel.port';
import {
  type SendFailure,
  failureFromStatus,
  headerValue,
  permanent,
  retryAfterFromHeaders,
  rateLimited,
  unexpectedFailure,
} from '../provider-error';
import { witnessRequests } from '../request-witness';

export interface WebPushConfig {
  /** `VAPID_PUBLIC_KEY`, URL-safe base64 (65 bytes, uncompressed P-256 point). */
  vapidPublicKey: string;
  /** `VAPID_PRIVATE_KEY`, URL-safe base64 (32 bytes). */
  vapidPrivateKey: string;
  /** `VAPID_SUBJECT`: a `mailto:` or `https:` URL push services can reach the sender at. */
  subject: string;
  /** Socket timeout per request. */
  timeoutMs?: number;
  /** How long the push service keeps an undelivered message; a day by default (the library's is four weeks). */
  ttlSeconds?: number;
  /** An HTTPS agent for the push service: a private CA (tests), a tuned pool. */
  agent?: Agent;
}

/** What the service worker receives, JSON-encoded and encrypted (aes128gcm) for the subscription. */
export interface WebPushPayload {
  title: string;
  body: string;
  url?: string;
  /** The touchpoint id, for `showNotification`'s `tag`: a repeated message replaces the one on screen. */
  tag: string;
}

const PROVIDER = 'web-push';
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

/** Web Push (RFC 8030) with VAPID through the `web-push` library, per call, without its global state. */
export class WebPushAdapter implements ChannelAdapter {
  readonly channel = 'push';
  readonly provider = PROVIDER;
  private readonly vapidDetails: { subject: string; publicKey: string; privateKey: string };

  constructor(private readonly config: WebPushConfig) {
    this.vapidDetails = {
      subject: config.subject,
      publicKey: config.vapidPublicKey,
      privateKey: config.vapidPrivateKey,
    };
    try {
      // Validates the subject and both keys (and signs a throwaway JWT) so a bad key fails at start-up.
      webpush.getVapidHeaders(
        'https://push.invalid',
        config.subject,
        config.vapidPublicKey,
        config.vapidPrivateKey,
        'aes128gcm',
      );
    } catch (error) {
      throw new Error(
        `WebPushAdapter: invalid VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY or VAPID_SUBJECT: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.message.channel !== 'push') {
      return permanent(
        PROVIDER,
        'wrong_channel',
        `a ${message.message.channel} message cannot go out as push`,
      );
    }
    const subscription = message.subscription;
    if (!subscription) return permanent(PROVIDER, 'no_subscription', 'no push subscription on the message');
    const invalid = invalidSubscription(subscription);
    if (invalid) return permanent(PROVIDER, 'invalid_subscription', invalid, { revoke: 'subscription' });

    const { title, body, url } = message.message;
    const payload: WebPushPayload = { title, body, ...(url ? { url } : {}), tag: message.touchpointId };
    const { wire, result } = await witnessRequests(() =>
      webpush.sendNotification(subscription, JSON.stringify(payload), {
        vapidDetails: this.vapidDetails,
        TTL: this.config.ttlSeconds ?? DEFAULT_TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        // RFC 8030 §5.4: a second message with the same topic replaces one still undelivered, so a
        // duplicate that slips through an in-doubt send replaces rather than repeats.
        topic: pushTopic(message.touchpointId),
        ...(this.config.timeoutMs !== undefined ? { timeout: this.config.timeoutMs } : {}),
        ...(this.config.agent ? { agent: this.config.agent } : {}),
      }),
    );
    if (result.status === 'rejected') return mapWebPushError(result.reason, wire.written > 0);
    const response = result.value;
    return {
      ok: true,
      provider: PROVIDER,
      // The push service names the message it queued in Location (RFC 8030 §5); not every service does.
      providerMessageId: headerValue(response.headers, 'location') ?? randomUUID(),
      details: { statusCode: response.statusCode },
    };
  }
}

/** A push topic (at most 32 URL-safe base64 characters) that names the touchpoint: its UUID's 32 hex digits. */
export function pushTopic(touchpointId: string): string {
  return touchpointId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32);
}

function invalidSubscription(subscription: PushSubscription): string | undefined {
  let endpoint: URL;
  try {
    endpoint = new URL(subscription.endpoint);
  } catch {
    return `the subscription endpoint is not a URL: ${subscription.endpoint}`;
  }
  if (endpoint.protocol !== 'https:') return 'the subscription endpoint is not https';
  if (Buffer.from(subscription.keys?.p256dh ?? '', 'base64url').length !== 65) {
    return 'the subscription p256dh key is not a 65-byte P-256 public key';
  }
  if (Buffer.from(subscription.keys?.auth ?? '', 'base64url').length < 16) {
    return 'the subscription auth secret is shorter than 16 bytes';
  }
  return undefined;
}

interface PushServiceError {
  statusCode: number;
  headers?: unknown;
  body?: string;
  message: string;
}

function isPushServiceError(error: unknown): error is PushServiceError {
  return error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number';
}

/** A push service's answer (RFC 8030 §8) or a socket failure as our own failure. */
export function mapWebPushError(error: unknown, requestWritten = false): SendFailure {
  if (!isPushServiceError(error)) return unexpectedFailure(PROVIDER, error, requestWritten);
  const status = error.statusCode;
  const message = error.body?.trim().slice(0, 500) || `${error.message} (${status})`;
  if (status === 404 || status === 410) {
    // The browser unsubscribed or the subscription expired: it will never work again.
    return permanent(PROVIDER, 'subscription_gone', message, { revoke: 'subscription' });
  }
  if (status === 413) return permanent(PROVIDER, 'payload_too_large', message);
  if (status === 429) {
    return rateLimited(PROVIDER, 'rate_limited', message, retryAfterFromHeaders(error.headers));
  }
  return failureFromStatus(PROVIDER, status, `http_${status}`, message);
}
