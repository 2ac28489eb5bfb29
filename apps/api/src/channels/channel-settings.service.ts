import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_PROVIDER, type Channel } from '@touchpoint/channels';
import { CONFIG, type Config } from '@touchpoint/core';
import { CHANNEL_NAMES } from '@touchpoint/journeys';
import { callbackUrlsOf } from '@touchpoint/worker';
import { z } from 'zod';
import { TestSendRouter } from './test-send-router';

export const CHANNELS = CHANNEL_NAMES;

export const channelSettingsSchema = z.object({
  publicBaseUrl: z.string().describe('PUBLIC_BASE_URL, which the callback URLs start with'),
  publicBaseUrlIsLocal: z
    .boolean()
    .describe('True when it names this machine (localhost, a loopback address): no provider can call it'),
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

/** `twilio`, `sendgrid`, `web-push+fcm`, `sandbox`: the push router's two providers once each. */
function providerName(provider: string): string {
  return [...new Set(provider.split('+'))].join('+');
}

const LOCAL_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/;

/** Which channels run for real, where their providers call back, and whether their credentials work. */
@Injectable()
export class ChannelSettingsService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly router: TestSendRouter,
  ) {}

  list(): z.input<typeof channelSettingsSchema> {
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    return {
      publicBaseUrl: base,
      publicBaseUrlIsLocal: LOCAL_HOSTS.test(new URL(base).hostname),
      channels: CHANNELS.map((channel) => {
        const provider = providerName(this.router.for(channel).provider);
        const mode = provider === SANDBOX_PROVIDER ? 'sandbox' : 'live';
        return { channel, provider, mode, callbackUrls: callbackUrlsOf(channel, base) };
      }),
    };
  }

  async check(channel: Channel): Promise<z.input<typeof credentialCheckSchema>> {
    const adapter = this.router.for(channel);
    const answer = (await adapter.checkCredentials?.()) ?? {
      status: 'unchecked' as const,
      detail: `${adapter.provider} has no credentials check`,
    };
    return { channel, provider: providerName(adapter.provider), ...answer };
  }
}
