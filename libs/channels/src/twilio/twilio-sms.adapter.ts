import twilio from 'twilio';
import type {
  ChannelAdapter,
  CredentialCheck,
  OutboundMessage,
  ProviderLookup,
  SendResult,
} from '../channel.port';
import { credentialCheckFailure } from '../credential-check';
import {
  type SendFailure,
  errorMessage,
  failureFromStatus,
  permanent,
  retryAfterFromHeaders,
  rateLimited,
  unexpectedFailure,
} from '../provider-error';
import { countSmsSegments } from '../sms-segments';
import { TwilioRequestClient, type TwilioExchange } from './twilio-request-client';

export interface TwilioSmsConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164; one of `from` and `messagingServiceSid` is required. */
  from?: string;
  messagingServiceSid?: string;
  /** `TWILIO_API_BASE_URL`; defaults to `https://api.twilio.com`. */
  apiBaseUrl?: string;
  /** `PUBLIC_BASE_URL/webhooks/twilio/status`; each message's callback adds `?touchpointId=…`. */
  statusCallbackUrl: string;
  /** Request timeout; the SDK's default is 30 s. */
  timeoutMs?: number;
}

/** How far back before `since` a message still counts: the provider's clock against ours. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Messages read from the list at most: those to one customer from our number, newest first. */
const LOOKUP_LIMIT = 200;

const PROVIDER = 'twilio';

/** Twilio error codes that decide more than the HTTP status does. https://www.twilio.com/docs/api/errors */
export const TwilioErrorCode = {
  InvalidToNumber: 21211,
  UnsubscribedRecipient: 21610,
  NotMobileNumber: 21614,
  TooManyRequests: 20429,
} as const;

/** SMS through the official `twilio` SDK (`messages.create`). */
export class TwilioSmsAdapter implements ChannelAdapter {
  readonly channel = 'sms';
  readonly provider = PROVIDER;
  private readonly httpClient: TwilioRequestClient;
  private readonly client: twilio.Twilio;

  constructor(private readonly config: TwilioSmsConfig) {
    if (!config.accountSid || !config.authToken) {
      throw new Error('TwilioSmsAdapter needs accountSid and authToken');
    }
    if (!config.from && !config.messagingServiceSid) {
      throw new Error(
        'TwilioSmsAdapter needs `from` (TWILIO_FROM) or `messagingServiceSid` (TWILIO_MESSAGING_SERVICE_SID)',
      );
    }
    if (!config.statusCallbackUrl) throw new Error('TwilioSmsAdapter needs statusCallbackUrl');
    this.httpClient = new TwilioRequestClient(config.apiBaseUrl, { timeout: config.timeoutMs });
    this.client = twilio(config.accountSid, config.authToken, { httpClient: this.httpClient });
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.message.channel !== 'sms') {
      return permanent(
        PROVIDER,
        'wrong_channel',
        `a ${message.message.channel} message cannot go out as SMS`,
      );
    }
    const body = message.message.body;
    const sender = this.config.messagingServiceSid
      ? { messagingServiceSid: this.config.messagingServiceSid }
      : { from: this.config.from };
    const { exchange, result } = await this.httpClient.capture(() =>
      this.client.messages.create({
        to: message.to,
        ...sender,
        body,
        statusCallback: statusCallbackFor(this.config.statusCallbackUrl, message.touchpointId),
      }),
    );
    if (result.status === 'rejected') return mapTwilioError(result.reason, exchange);
    const { segments, encoding } = countSmsSegments(body);
    return {
      ok: true,
      provider: PROVIDER,
      providerMessageId: result.value.sid,
      details: { segments, encoding },
    };
  }

  /**
   * Twilio keeps every message it took: the list filtered by recipient (and our sender), matched on sender
   * and body, created since the send was claimed. No `DateSent` filter: a message still queued has none.
   */
  async lookUp(message: OutboundMessage, since: Date): Promise<ProviderLookup> {
    if (message.message.channel !== 'sms') return { kind: 'not_found' };
    const body = message.message.body;
    const { result } = await this.httpClient.capture(() =>
      this.client.messages.list({
        to: message.to,
        ...(this.config.from ? { from: this.config.from } : {}),
        pageSize: LOOKUP_LIMIT,
        limit: LOOKUP_LIMIT,
      }),
    );
    if (result.status === 'rejected') return { kind: 'failed', message: errorMessage(result.reason) };
    const after = since.getTime() - CLOCK_SKEW_MS;
    const matches = result.value
      .filter(
        (m) =>
          m.direction.startsWith('outbound') &&
          m.body === body &&
          (this.config.messagingServiceSid
            ? m.messagingServiceSid === this.config.messagingServiceSid
            : m.from === this.config.from) &&
          m.dateCreated.getTime() >= after,
      )
      .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime())
      .map((m) => {
        const { segments, encoding } = countSmsSegments(m.body);
        return { providerMessageId: m.sid, details: { segments, encoding, settled: 'lookup' } };
      });
    return matches.length > 0 ? { kind: 'found', matches } : { kind: 'not_found' };
  }

  /** `GET /2010-04-01/Accounts/{sid}.json`: Twilio answers it only for the account's own credentials. */
  async checkCredentials(): Promise<CredentialCheck> {
    const { result } = await this.httpClient.capture(() =>
      this.client.api.v2010.accounts(this.config.accountSid).fetch(),
    );
    if (result.status === 'rejected') {
      const status = isTwilioApiError(result.reason) ? result.reason.status : undefined;
      return credentialCheckFailure(status, result.reason);
    }
    const account = result.value;
    if (account.status !== 'active') {
      return { status: 'rejected', detail: `the account "${account.friendlyName}" is ${account.status}` };
    }
    return { status: 'accepted', detail: `the account "${account.friendlyName}" is active` };
  }
}

/**
 * The callback URL names the touchpoint (Twilio signs the whole URL, query included), so a callback that
 * beats the worker's own write of the message SID still finds its touchpoint.
 */
export function statusCallbackFor(base: string, touchpointId: string): string {
  const url = new URL(base);
  url.searchParams.set('touchpointId', touchpointId);
  return url.toString();
}

interface TwilioApiError {
  status: number;
  code?: number;
  message?: string;
  moreInfo?: string;
}

// RestException (legacy bodies) and TwilioServiceException (RFC 9457 bodies) both carry a numeric status and code.
function isTwilioApiError(error: unknown): error is TwilioApiError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** A Twilio answer (or the lack of one) as our own failure. */
export function mapTwilioError(error: unknown, exchange: TwilioExchange = {}): SendFailure {
  if (!isTwilioApiError(error)) return unexpectedFailure(PROVIDER, error, (exchange.wire?.written ?? 0) > 0);
  const { status } = error;
  const code = error.code !== undefined ? String(error.code) : `http_${status}`;
  const message = error.message || errorMessage(error);
  const retryAfterMs = retryAfterFromHeaders(exchange.headers);
  if (error.code === TwilioErrorCode.UnsubscribedRecipient) {
    // The recipient replied STOP: Twilio refuses every message to them until they reply START.
    return permanent(PROVIDER, code, message, { revoke: 'consent' });
  }
  if (error.code === TwilioErrorCode.InvalidToNumber || error.code === TwilioErrorCode.NotMobileNumber) {
    return permanent(PROVIDER, code, message);
  }
  if (error.code === TwilioErrorCode.TooManyRequests) {
    return rateLimited(PROVIDER, code, message, retryAfterMs);
  }
  return failureFromStatus(PROVIDER, status, code, message, retryAfterMs);
}
