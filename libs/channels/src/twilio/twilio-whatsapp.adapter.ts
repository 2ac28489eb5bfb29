import twilio from 'twilio';
import type {
  Channel,
  ChannelAdapter,
  CredentialCheck,
  OutboundMessage,
  ProviderLookup,
  SendResult,
} from '../channel.port';
import { errorMessage, permanent } from '../provider-error';
import { TwilioRequestClient } from './twilio-request-client';
import { mapTwilioError, statusCallbackFor, TwilioSmsAdapter } from './twilio-sms.adapter';

export interface TwilioWhatsAppConfig {
  accountSid: string;
  authToken: string;
  /** The WhatsApp sender's number in E.164 (`TWILIO_WHATSAPP_FROM`); sent as `whatsapp:+…`. */
  from: string;
  /** `TWILIO_API_BASE_URL`; defaults to `https://api.twilio.com`. */
  apiBaseUrl?: string;
  /** `PUBLIC_BASE_URL/webhooks/twilio/status`; each message's callback adds `?touchpointId=…`. */
  statusCallbackUrl: string;
  timeoutMs?: number;
}

const PROVIDER = 'twilio';
const PREFIX = 'whatsapp:';
/** How far back before `since` a message still counts, and how many of the list are read at most. */
const CLOCK_SKEW_MS = 5 * 60_000;
const LOOKUP_LIMIT = 200;

/** `whatsapp:+15551234567` for a phone in E.164: how Twilio addresses WhatsApp. */
export function whatsappAddress(phone: string): string {
  return `${PREFIX}${phone}`;
}

/** The channel and phone an inbound Twilio message came from: `whatsapp:+…` is WhatsApp, the rest SMS. */
export function twilioInboundChannel(from: string): {
  channel: Extract<Channel, 'sms' | 'whatsapp'>;
  phone: string;
} {
  return from.startsWith(PREFIX)
    ? { channel: 'whatsapp', phone: from.slice(PREFIX.length) }
    : { channel: 'sms', phone: from };
}

/**
 * WhatsApp through the official `twilio` SDK (`messages.create` with `whatsapp:` addresses): free-form
 * `body`, or an approved content template (`contentSid`, `contentVariables`) when the message carries one;
 * the decision left it out within the customer's 24-hour window and kept it outside.
 */
export class TwilioWhatsAppAdapter implements ChannelAdapter {
  readonly channel = 'whatsapp';
  readonly provider = PROVIDER;
  private readonly httpClient: TwilioRequestClient;
  private readonly client: twilio.Twilio;
  private readonly account: TwilioSmsAdapter;

  constructor(private readonly config: TwilioWhatsAppConfig) {
    if (!config.accountSid || !config.authToken || !config.from) {
      throw new Error('TwilioWhatsAppAdapter needs accountSid, authToken and from (TWILIO_WHATSAPP_FROM)');
    }
    if (!config.statusCallbackUrl) throw new Error('TwilioWhatsAppAdapter needs statusCallbackUrl');
    this.httpClient = new TwilioRequestClient(config.apiBaseUrl, { timeout: config.timeoutMs });
    this.client = twilio(config.accountSid, config.authToken, { httpClient: this.httpClient });
    // The same account answers the credentials check.
    this.account = new TwilioSmsAdapter({ ...config, from: config.from });
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const rendered = message.message;
    if (rendered.channel !== 'whatsapp') {
      return permanent(PROVIDER, 'wrong_channel', `a ${rendered.channel} message cannot go out on WhatsApp`);
    }
    const content = rendered.contentSid
      ? {
          contentSid: rendered.contentSid,
          ...(rendered.contentVariables && { contentVariables: JSON.stringify(rendered.contentVariables) }),
        }
      : { body: rendered.body };
    const { exchange, result } = await this.httpClient.capture(() =>
      this.client.messages.create({
        to: whatsappAddress(message.to),
        from: whatsappAddress(this.config.from),
        ...content,
        statusCallback: statusCallbackFor(this.config.statusCallbackUrl, message.touchpointId),
      }),
    );
    if (result.status === 'rejected') return mapTwilioError(result.reason, exchange);
    return {
      ok: true,
      provider: PROVIDER,
      providerMessageId: result.value.sid,
      details: { mode: rendered.contentSid ? 'template' : 'session' },
    };
  }

  /**
   * The Messages list from our sender to the customer since the send was claimed: a free-form message
   * matched on its body, a content template (whose text Twilio fills in) on being outbound from us.
   */
  async lookUp(message: OutboundMessage, since: Date): Promise<ProviderLookup> {
    const rendered = message.message;
    if (rendered.channel !== 'whatsapp') return { kind: 'not_found' };
    const { result } = await this.httpClient.capture(() =>
      this.client.messages.list({
        to: whatsappAddress(message.to),
        from: whatsappAddress(this.config.from),
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
          (rendered.contentSid !== undefined || m.body === rendered.body) &&
          m.dateCreated.getTime() >= after,
      )
      .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime())
      .map((m) => ({ providerMessageId: m.sid, details: { settled: 'lookup' } }));
    return matches.length > 0 ? { kind: 'found', matches } : { kind: 'not_found' };
  }

  checkCredentials(): Promise<CredentialCheck> {
    return this.account.checkCredentials();
  }
}
