import type { ChannelAdapter, OutboundMessage, SendResult } from '../channel.port';
import {
  type SendFailure,
  failureFromStatus,
  inDoubt,
  permanent,
  transient,
  rateLimited,
  retryAfterFromHeaders,
  unexpectedFailure,
} from '../provider-error';
import { witnessRequests } from '../request-witness';
import { AccessTokenError } from './fcm-access-token';

export interface FcmPushConfig {
  /** `FCM_PROJECT_ID`: the Firebase project the app's tokens belong to. */
  projectId: string;
  /**
   * An OAuth 2.0 access token for the `firebase.messaging` scope (`FCM_ACCESS_TOKEN`), or a function that
   * returns a current one (a service-account token source).
   */
  accessToken: string | (() => Promise<string>);
  /** `FCM_API_BASE_URL`; defaults to `https://fcm.googleapis.com`. */
  apiBaseUrl?: string;
  timeoutMs?: number;
  /** How long FCM keeps an undelivered message for Android; a day by default (FCM's own is four weeks). */
  ttlSeconds?: number;
}

/** What the app receives: a notification FCM displays, and data the app reads (ids, the link). */
export interface FcmMessage {
  token: string;
  notification: { title: string; body: string };
  data: Record<string, string>;
  android: { ttl: string; collapse_key: string; notification: { tag: string } };
  apns: { headers: { 'apns-collapse-id': string } };
}

const PROVIDER = 'fcm';
const DEFAULT_BASE_URL = 'https://fcm.googleapis.com';
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Push to mobile apps through the FCM HTTP v1 API (`POST /v1/projects/{project}/messages:send`), over
 * plain `fetch`: `firebase-admin` cannot be pointed at another base URL, and this is all it would do.
 */
export class FcmPushAdapter implements ChannelAdapter {
  readonly channel = 'push';
  readonly provider = PROVIDER;
  private readonly endpoint: string;

  constructor(private readonly config: FcmPushConfig) {
    if (!config.projectId) throw new Error('FcmPushAdapter needs projectId (FCM_PROJECT_ID)');
    if (!config.accessToken) throw new Error('FcmPushAdapter needs an access token (FCM_ACCESS_TOKEN)');
    const base = (config.apiBaseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.endpoint = `${base}/v1/projects/${encodeURIComponent(config.projectId)}/messages:send`;
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.message.channel !== 'push') {
      return permanent(
        PROVIDER,
        'wrong_channel',
        `a ${message.message.channel} message cannot go out as push`,
      );
    }
    const token = message.fcmToken;
    if (!token) return permanent(PROVIDER, 'no_token', 'no FCM registration token on the message');
    const { title, body, url } = message.message;
    const ttl = this.config.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const payload: FcmMessage = {
      token,
      notification: { title, body },
      // Ids only, as strings (FCM data values must be strings); the app opens `url` when tapped.
      data: { touchpointId: message.touchpointId, ...(url ? { url } : {}) },
      // The touchpoint as collapse key and tag: a duplicate that slips through an in-doubt send replaces
      // the undelivered or displayed one instead of showing twice (Android, and APNs for iOS apps).
      android: {
        ttl: `${ttl}s`,
        collapse_key: message.touchpointId,
        notification: { tag: message.touchpointId },
      },
      apns: { headers: { 'apns-collapse-id': message.touchpointId } },
    };
    let accessToken: string;
    try {
      accessToken =
        typeof this.config.accessToken === 'string'
          ? this.config.accessToken
          : await this.config.accessToken();
    } catch (error) {
      return accessTokenFailure(error);
    }
    const { wire, result } = await witnessRequests(async () => {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify({ message: payload }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      return { response, text: await response.text() };
    });
    if (result.status === 'rejected') return unexpectedFailure(PROVIDER, result.reason, wire.written > 0);
    const { response, text } = result.value;
    if (!response.ok) return mapFcmError(response.status, text, response.headers);
    const name = (safeJson(text) as { name?: unknown } | undefined)?.name;
    // FCM answered 200 and took it: an unreadable answer leaves it sent without an id we can keep.
    if (typeof name !== 'string') {
      return inDoubt(PROVIDER, 'bad_response', `FCM answered ${text.slice(0, 200)}`);
    }
    return { ok: true, provider: PROVIDER, providerMessageId: name };
  }
}

/** FCM's error body: `{ error: { code, message, status, details: [{ '@type', errorCode | fieldViolations }] } }`. */
interface FcmErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; errorCode?: string; fieldViolations?: { field?: string }[] }[];
  };
}

/**
 * FCM's answer as our own failure. https://firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode
 * UNREGISTERED, SENDER_ID_MISMATCH and a malformed token will never work again: the token is removed.
 */
export function mapFcmError(status: number, text: string, headers?: unknown): SendFailure {
  const error = (safeJson(text) as FcmErrorBody | undefined)?.error;
  const details = error?.details ?? [];
  const fcmCode =
    details.find((d) => d['@type']?.endsWith('google.firebase.fcm.v1.FcmError'))?.errorCode ?? '';
  const code = fcmCode || error?.status || `http_${status}`;
  const message = error?.message || text.slice(0, 500) || `HTTP ${status}`;
  const badToken = details.some((d) => d.fieldViolations?.some((v) => v.field === 'message.token'));
  switch (fcmCode) {
    case 'UNREGISTERED':
    case 'SENDER_ID_MISMATCH':
      return permanent(PROVIDER, fcmCode, message, { revoke: 'subscription' });
    case 'INVALID_ARGUMENT':
      return permanent(PROVIDER, fcmCode, message, badToken ? { revoke: 'subscription' } : {});
    case 'QUOTA_EXCEEDED':
      return rateLimited(PROVIDER, fcmCode, message, retryAfterFromHeaders(headers));
    case 'THIRD_PARTY_AUTH_ERROR':
      return permanent(PROVIDER, fcmCode, message);
    default:
      if (status === 401 || status === 403) return permanent(PROVIDER, 'auth', message);
      // FCM documents both as "retry with exponential backoff": the message was not processed.
      if (code === 'UNAVAILABLE' || code === 'INTERNAL') return transient(PROVIDER, code, message);
      return failureFromStatus(PROVIDER, status, code, message, retryAfterFromHeaders(headers));
  }
}

/** Nothing reached FCM: a refused key fails the send, an unreachable token endpoint is retried. */
function accessTokenFailure(error: unknown): SendFailure {
  if (!(error instanceof AccessTokenError)) return unexpectedFailure(PROVIDER, error, false);
  return error.refused
    ? permanent(PROVIDER, 'auth', error.message)
    : transient(PROVIDER, 'token_unavailable', error.message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
