import type {
  Channel,
  ChannelAdapter,
  CredentialCheck,
  OutboundMessage,
  RenderedMessage,
  SendResult,
} from '../channel.port';
import { countSmsSegments } from '../sms-segments';
import { htmlToText } from './html-to-text';

/** One message the sandbox "sent": the shape of `GET /v1/sandbox/messages` items. */
export interface SandboxEntry {
  channel: Channel;
  to: string;
  subject?: string;
  body: string;
  html?: string;
  touchpointId: string;
  at: Date;
}

/** Where sandbox messages are kept (a table in the app, an array in tests). */
export interface SandboxOutbox {
  record(entry: SandboxEntry): Promise<void>;
}

export const SANDBOX_PROVIDER = 'sandbox';

/**
 * A real adapter for a channel without credentials: it stores the rendered message instead of sending it.
 * email: `subject`, `html`, and `text` (or the html stripped to text) as `body`. push: `title` as
 * `subject`, `body`, and the `url` (when there is one) as the body's last line. Any other channel: `body`.
 */
export class SandboxAdapter implements ChannelAdapter {
  readonly provider = SANDBOX_PROVIDER;

  constructor(
    readonly channel: Channel,
    private readonly outbox: SandboxOutbox,
    private readonly clock: { now(): Date },
  ) {}

  async send(outbound: OutboundMessage): Promise<SendResult> {
    const { message, touchpointId, to } = outbound;
    if (message.channel !== this.channel) {
      return this.failure(
        'permanent',
        'SANDBOX.WRONG_CHANNEL',
        `a ${message.channel} message sent to the ${this.channel} sandbox`,
      );
    }
    const entry: SandboxEntry = {
      channel: message.channel,
      to,
      touchpointId,
      at: this.clock.now(),
      ...sandboxView(message),
    };
    try {
      await this.outbox.record(entry);
    } catch (error) {
      // The outbox is a database write: worth a retry, like a provider's 5xx.
      return this.failure(
        'transient',
        'SANDBOX.OUTBOX_FAILED',
        error instanceof Error ? error.message : String(error),
      );
    }
    return {
      ok: true,
      provider: this.provider,
      providerMessageId: `sandbox-${touchpointId}`,
      details: message.channel === 'sms' ? { ...countSmsSegments(message.body) } : undefined,
    };
  }

  async checkCredentials(): Promise<CredentialCheck> {
    return { status: 'sandbox', detail: 'no credentials: messages are kept in the sandbox inbox' };
  }

  private failure(kind: 'transient' | 'permanent', code: string, message: string): SendResult {
    return { ok: false, provider: this.provider, kind, code, message };
  }
}

/** What the sandbox inbox shows of a message: a subject, a body and any HTML. */
function sandboxView(message: RenderedMessage): Pick<SandboxEntry, 'subject' | 'body' | 'html'> {
  if (message.channel === 'email') {
    return { subject: message.subject, body: message.text ?? htmlToText(message.html), html: message.html };
  }
  if (message.channel === 'push') {
    return { subject: message.title, body: message.url ? `${message.body}\n${message.url}` : message.body };
  }
  // Every other channel's message is a text `body` (sms…).
  return { body: message.body };
}
