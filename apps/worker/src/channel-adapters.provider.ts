import type { Provider } from '@nestjs/common';
import {
  ChannelRouter,
  SandboxAdapter,
  SendGridEmailAdapter,
  TwilioSmsAdapter,
  WebPushAdapter,
  type Channel,
  type ChannelAdapter,
} from '@touchpoint/channels';
import { CONFIG, Clock, SandboxMessageRepository, type Config } from '@touchpoint/core';

/** One adapter per channel: the real provider when its credentials are set, else the sandbox. */
export function buildChannelAdapters(
  config: Config,
  clock: Clock,
  sandbox: SandboxMessageRepository,
): ChannelAdapter[] {
  const outbox = {
    record: (entry: Parameters<SandboxMessageRepository['record']>[0]) => sandbox.record(entry),
  };
  const sandboxFor = (channel: Channel) => new SandboxAdapter(channel, outbox, clock);
  const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  const sms =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
      ? new TwilioSmsAdapter({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM,
          messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
          apiBaseUrl: config.TWILIO_API_BASE_URL,
          statusCallbackUrl: `${base}/webhooks/twilio/status`,
        })
      : sandboxFor('sms');
  const email =
    config.SENDGRID_API_KEY && config.SENDGRID_FROM
      ? new SendGridEmailAdapter({
          apiKey: config.SENDGRID_API_KEY,
          from: config.SENDGRID_FROM,
          apiBaseUrl: config.SENDGRID_API_BASE_URL,
          unsubscribeUrl: (touchpointId) => `${base}/unsubscribe/${touchpointId}`,
        })
      : sandboxFor('email');
  const push =
    config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY && config.VAPID_SUBJECT
      ? new WebPushAdapter({
          vapidPublicKey: config.VAPID_PUBLIC_KEY,
          vapidPrivateKey: config.VAPID_PRIVATE_KEY,
          subject: config.VAPID_SUBJECT,
        })
      : sandboxFor('push');
  return [sms, email, push];
}

export const channelRouterProvider: Provider = {
  provide: ChannelRouter,
  inject: [CONFIG, Clock, SandboxMessageRepository],
  useFactory: (config: Config, clock: Clock, sandbox: SandboxMessageRepository) =>
    new ChannelRouter(buildChannelAdapters(config, clock, sandbox)),
};
