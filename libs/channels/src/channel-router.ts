import type { Channel, ChannelAdapter } from './channel.port';

/**
 * The adapter for each channel. Which adapter (a provider's or the sandbox) is registered is the app's
 * choice, made from the credentials it has; the worker only asks for a channel.
 */
export class ChannelRouter {
  private readonly adapters = new Map<Channel, ChannelAdapter>();

  constructor(adapters: ChannelAdapter[]) {
    for (const adapter of adapters) {
      const taken = this.adapters.get(adapter.channel);
      if (taken) {
        throw new Error(
          `two adapters for channel "${adapter.channel}": "${taken.provider}" and "${adapter.provider}"`,
        );
      }
      this.adapters.set(adapter.channel, adapter);
    }
  }

  for(channel: Channel): ChannelAdapter {
    const adapter = this.adapters.get(channel);
    if (!adapter) throw new Error(`no adapter registered for channel "${channel}"`);
    return adapter;
  }

  has(channel: Channel): boolean {
    return this.adapters.has(channel);
  }

  /** The provider behind each registered channel, e.g. `{ sms: 'twilio', email: 'sandbox' }`. */
  providers(): Partial<Record<Channel, string>> {
    const providers: Partial<Record<Channel, string>> = {};
    for (const [channel, adapter] of this.adapters) providers[channel] = adapter.provider;
    return providers;
  }
}
