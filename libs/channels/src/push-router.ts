import { SANDBOX_PROVIDER } from './sandbox/sandbox.adapter';
import type { ChannelAdapter, CredentialCheck, OutboundMessage, SendResult } from './channel.port';

/**
 * The push channel has two kinds of address: a browser's Web Push subscription and a mobile app's FCM
 * token. This adapter hands each message to the one that can reach its address.
 */
export class PushRouter implements ChannelAdapter {
  readonly channel = 'push';
  readonly provider: string;

  constructor(private readonly adapters: { webPush: ChannelAdapter; fcm: ChannelAdapter }) {
    for (const adapter of Object.values(adapters)) {
      if (adapter.channel !== 'push') throw new Error(`PushRouter got a ${adapter.channel} adapter`);
    }
    this.provider = `${adapters.webPush.provider}+${adapters.fcm.provider}`;
  }

  send(message: OutboundMessage): Promise<SendResult> {
    return (message.fcmToken ? this.adapters.fcm : this.adapters.webPush).send(message);
  }

  /** Web Push has no account to ask about; only a push channel that is all sandbox answers. */
  async checkCredentials(): Promise<CredentialCheck> {
    const { webPush, fcm } = this.adapters;
    if (webPush.provider === SANDBOX_PROVIDER && fcm.provider === SANDBOX_PROVIDER) {
      return webPush.checkCredentials?.() ?? { status: 'sandbox', detail: '' };
    }
    return { status: 'unchecked', detail: `${this.provider} has no credentials check` };
  }
}
