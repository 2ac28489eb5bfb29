import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { ChannelAdapter, CredentialCheck, OutboundMessage, SendResult } from '../channel.port';
import { credentialCheckFailure } from '../credential-check';
import {
  type SendFailure,
  failureFromStatus,
  headerValue,
  permanent,
  retryAfterFromHeaders,
  unexpectedFailure,
} from '../provider-error';
import { witnessRequests } from '../request-witness';
import { withTextDirection } from './html-direction';

export interface SendGridEmailConfig {
  apiKey: string;
  /** `SENDGRID_FROM`: a verified sender, `shop@example.com` or `Shop <shop@example.com>`. */
  from: string | { email: string; name?: string };
  /** `SENDGRID_API_BASE_URL`; defaults to `https://api.sendgrid.com`. */
  apiBaseUrl?: string;
  /** The one-click unsubscribe link for a touchpoint (it revokes email consent). */
  unsubscribeUrl: (touchpointId: string) => string;
  timeoutMs?: number;
}

const PROVIDER = 'sendgrid';

/** Email through `@sendgrid/mail` (v3 Mail Send), on a client of its own rather than the SDK's singleton. */
export class SendGridEmailAdapter implements ChannelAdapter {
  readonly channel = 'email';
  readonly provider = PROVIDER;
  private readonly mail: MailService;
  private readonly client: Client;

  constructor(private readonly config: SendGridEmailConfig) {
    if (!config.apiKey) throw new Error('SendGridEmailAdapter needs apiKey (SENDGRID_API_KEY)');
    if (!config.from) throw new Error('SendGridEmailAdapter needs from (SENDGRID_FROM)');
    const client = (this.client = new Client());
    client.setApiKey(config.apiKey);
    // After the key: setApiKey resets the base URL to SendGrid's own.
    if (config.apiBaseUrl) client.setDefaultRequest('baseUrl', config.apiBaseUrl);
    this.mail = new MailService();
    this.mail.setClient(client);
    if (config.timeoutMs !== undefined) this.mail.setTimeout(config.timeoutMs);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.message.channel !== 'email') {
      return permanent(
        PROVIDER,
        'wrong_channel',
        `a ${message.message.channel} message cannot go out as email`,
      );
    }
    const { subject, html, text } = message.message;
    const unsubscribeUrl = this.config.unsubscribeUrl(message.touchpointId);
    const { wire, result } = await witnessRequests(() =>
      this.mail.send({
        personalizations: [{ to: [{ email: message.to }] }],
        from: this.config.from,
        subject,
        html: withTextDirection(html, message.direction, message.locale),
        ...(text ? { text } : {}),
        // Ids only: event webhooks find the touchpoint with it, and nothing personal leaves with the events.
        customArgs: { touchpointId: message.touchpointId },
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );
    if (result.status === 'rejected') return mapSendGridError(result.reason, wire.written > 0);
    const [response] = result.value;
    return {
      ok: true,
      provider: PROVIDER,
      // Always sent on a 202; the touchpoint id is what the event webhook finds it by if it ever is not.
      providerMessageId: headerValue(response.headers, 'x-message-id') ?? message.touchpointId,
    };
  }

  /** `GET /v3/scopes`: what the key may do; accepted only when it may send mail. */
  async checkCredentials(): Promise<CredentialCheck> {
    try {
      const [response] = await this.client.request({ method: 'GET', url: '/v3/scopes' });
      const scopes = (response.body as { scopes?: unknown }).scopes;
      if (!Array.isArray(scopes) || !scopes.includes('mail.send')) {
        return { status: 'rejected', detail: 'the key has no mail.send scope' };
      }
      return { status: 'accepted', detail: `the key has ${scopes.length} scopes, mail.send among them` };
    } catch (error) {
      return credentialCheckFailure(isResponseError(error) ? error.code : undefined, error);
    }
  }
}

interface SendGridResponseError {
  code: number;
  message: string;
  response: { headers?: unknown; body?: unknown };
}

interface SendGridErrorItem {
  message?: string | null;
  field?: string | null;
  help?: unknown;
}

function isResponseError(error: unknown): error is SendGridResponseError {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'number' &&
    typeof (error as { response?: unknown }).response === 'object'
  );
}

function errorItems(body: unknown): SendGridErrorItem[] {
  const parsed: unknown = typeof body === 'string' ? safeJson(body) : body;
  const errors = (parsed as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as SendGridErrorItem[]) : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * SendGrid's answer (`{ errors: [{ message, field, help }] }`) or a socket failure as our own failure.
 * SendGrid documents 503 as "not available" (retried); its 500 "an error occurred" may follow a send (in doubt).
 */
export function mapSendGridError(error: unknown, requestWritten = false): SendFailure {
  if (!isResponseError(error)) return unexpectedFailure(PROVIDER, error, requestWritten);
  const status = error.code;
  const items = errorItems(error.response.body);
  const message =
    items
      .map((e) => e.message)
      .filter(Boolean)
      .join('; ') ||
    error.message ||
    `HTTP ${status}`;
  if (status === 400) return permanent(PROVIDER, items[0]?.field || 'bad_request', message);
  if (status === 401 || status === 403) return permanent(PROVIDER, 'auth', message);
  if (status === 429) {
    return failureFromStatus(
      PROVIDER,
      status,
      'rate_limited',
      message,
      retryAfterFromHeaders(error.response.headers),
    );
  }
  return failureFromStatus(PROVIDER, status, `http_${status}`, message);
}
