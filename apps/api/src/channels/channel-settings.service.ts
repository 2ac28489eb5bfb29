import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_PROVIDER, type Channel } from '@touchpoint/channels';
import { CONFIG, type Config } from '@touchpoint/core';
import { z } from 'zod';
import { TestSendRouter } from './test-send-router';

export const CHANNELS = ['sms', 'email', 'push'] as const satisfies readonly Channel[];

export const channelSettingsSchema = z.object({
  channels: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      provider: z.string().describe('twilio, sendgrid, web-push+fcm… or sandbox'),
      mode: z
        .enum(['live', 'sandbox'])
        .describe('live: a provider sends; sandbox: kept in the sandbox inbox'),
      callbackUrls: z
        .record(z.string(), z.string())
        .describe(
          "The URLs to paste into the provider's console (Twilio status and inbound, SendGrid events)",
        ),
    }),
  ),
});

export const credentialCheckSchema = z.object({
  channel: z.enum(CHANNELS),
  provider: z.string(),
  status: z
    .enum(['accepted', 'rejected', 'unreachable', 'unchecked', 'sandbox'])
    .describe('What the provider said of the configured credentials; sandbox: none are configured'),
  detail: z.string().describe("The provider's words; never a credential"),
});

/** Where each provider calls back, from PUBLIC_BASE_URL: what Twilio and SendGrid must be told. */
function callbackUrls(base: string): Record<Channel, Record<string, string>> {
  return {
    sms: { status: `${base}/webhooks/twilio/status`, inbound: `${base}/webhooks/twilio/inbound` },
    email: { events: `${base}/webhooks/sendgrid/events` },
    push: {},
  };
}

/** Which channels run for real, where their providers call back, and whether their credentials work. */
@Injectable()
export class ChannelSettingsService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly router: TestSendRouter,
  ) {}

  list(): z.input<typeof channelSettingsSchema> {
    const urls = callbackUrls(this.config.PUBLIC_BASE_URL.replace(/\/$/, ''));
    return {
      channels: CHANNELS.map((channel) => {
        const { provider } = this.router.for(channel);
        const sandbox = provider.split('+').every((p) => p === SANDBOX_PROVIDER);
        return { channel, provider, mode: sandbox ? 'sandbox' : 'live', callbackUrls: urls[channel] };
      }),
    };
  }

  async check(channel: Channel): Promise<z.input<typeof credentialCheckSchema>> {
    const adapter = this.router.for(channel);
    const answer = (await adapter.checkCredentials?.()) ?? {
      status: 'unchecked' as const,
      detail: `${adapter.provider} has no credentials check`,
    };
    return { channel, provider: adapter.provider, ...answer };
  }
}
