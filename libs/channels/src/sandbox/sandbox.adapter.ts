import type { Channel, ChannelAdapter, CredentialCheck, OutboundMessage, SendResult } from '../channel.port';
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
 * sms: `body`. email: `subject`, `html`, and `text` (or the html stripped to text) as `body`.
 * push: `title` as `subject`, `body`, and the `url` (when there is one) as the body's last line.
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
    const base = { channel: message.channel, to, touchpointId, at: this.clock.now() };
    let entry: SandboxEntry;
    switch (message.channel) {
      case 'sms':
        entry = { ...base, body: message.body };
        break;
      case 'email':
        entry = {
          ...base,
          subject: message.subject,
          body: message.text ?? htmlToText(message.html),
          html: message.html,
        };
        break;
      case 'push':
        entry = {
          ...base,
          subject: message.title,
          body: message.url ? `${message.body}\n${message.url}` : message.body,
        };
        break;
    }
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
