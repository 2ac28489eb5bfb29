import type { Provider } from '@nestjs/common';
import { ChannelRouter, SandboxAdapter, type ChannelAdapter, type Channel } from '@touchpoint/channels';
import { CONFIG, Clock, SandboxMessageRepository, type Config } from '@touchpoint/core';

/** Chooses one adapter per channel: the real provider when its credentials are set, else the sandbox. */
export function buildChannelAdapters(
  config: Config,
  clock: Clock,
  sandbox: SandboxMessageRepository,
): ChannelAdapter[] {
  const outbox = {
    record: (entry: Parameters<SandboxMessageRepository['record']>[0]) => sandbox.record(entry),
  };
  const sandboxFor = (channel: Channel) => new SandboxAdapter(channel, outbox, clock);
  return [sandboxFor('sms'), sandboxFor('email'), sandboxFor('push')];
}

export const channelRouterProvider: Provider = {
  provide: ChannelRouter,
  inject: [CONFIG, Clock, SandboxMessageRepository],
  useFactory: (config: Config, clock: Clock, sandbox: SandboxMessageRepository) =>
    new ChannelRouter(buildChannelAdapters(config, clock, sandbox)),
};
