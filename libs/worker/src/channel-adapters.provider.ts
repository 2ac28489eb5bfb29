import type { Provider } from '@nestjs/common';
import {
  ChannelRouter,
  FcmPushAdapter,
  PushRouter,
  SandboxAdapter,
  SendGridEmailAdapter,
  TwilioSmsAdapter,
  TwilioWhatsAppAdapter,
  WebPushAdapter,
  serviceAccountAccessToken,
  type Channel,
  type ChannelAdapter,
  type SandboxOutbox,
} from '@touchpoint/channels';
import {
  CONFIG,
  Clock,
  SandboxMessageRepository,
  UnsubscribeLinks,
  readServiceAccountKey,
  type Config,
} from '@touchpoint/core';
import { CHANNEL_NAMES } from '@touchpoint/journeys';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';

/** What a channel's adapter is built from. */
interface AdapterContext {
  config: Config;
  /** PUBLIC_BASE_URL without its trailing slash: where providers call back. */
  base: string;
  unsubscribe: UnsubscribeLinks;
  /** The channel's sandbox, for when its provider has no credentials. */
  sandbox: () => ChannelAdapter;
}

interface ChannelProvider {
  /** The adapter: the real provider when its credentials are set, else the sandbox. */
  build: (context: AdapterContext) => ChannelAdapter;
  /** Where its provider calls back, under PUBLIC_BASE_URL: what to paste into the provider's console. */
  callbackPaths: Record<string, string>;
}

const TWILIO_CALLBACKS = { status: '/webhooks/twilio/status', inbound: '/webhooks/twilio/inbound' };

/** Each channel's provider: the other half of its registry entry, the one that needs Nest and the SDKs. */
const CHANNEL_PROVIDERS: Record<Channel, ChannelProvider> = {
  sms: {
    callbackPaths: TWILIO_CALLBACKS,
    build: ({ config, base, sandbox }) =>
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? new TwilioSmsAdapter({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM,
            messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
            apiBaseUrl: config.TWILIO_API_BASE_URL,
            statusCallbackUrl: `${base}${TWILIO_CALLBACKS.status}`,
            timeoutMs: config.SEND_TIMEOUT_MS,
          })
        : sandbox(),
  },
  email: {
    callbackPaths: { events: '/webhooks/sendgrid/events' },
    build: ({ config, unsubscribe, sandbox }) =>
      config.SENDGRID_API_KEY && config.SENDGRID_FROM
        ? new SendGridEmailAdapter({
            apiKey: config.SENDGRID_API_KEY,
            from: config.SENDGRID_FROM,
            apiBaseUrl: config.SENDGRID_API_BASE_URL,
            unsubscribeUrl: (touchpointId) => unsubscribe.url(touchpointId),
            timeoutMs: config.SEND_TIMEOUT_MS,
          })
        : sandbox(),
  },
  whatsapp: {
    callbackPaths: TWILIO_CALLBACKS,
    build: ({ config, base, sandbox }) =>
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_WHATSAPP_FROM
        ? new TwilioWhatsAppAdapter({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_WHATSAPP_FROM,
            apiBaseUrl: config.TWILIO_API_BASE_URL,
            statusCallbackUrl: `${base}${TWILIO_CALLBACKS.status}`,
            timeoutMs: config.SEND_TIMEOUT_MS,
          })
        : sandbox(),
  },
  push: {
    callbackPaths: {},
    build: ({ config, sandbox }) => {
      const webPush =
        config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY && config.VAPID_SUBJECT
          ? new WebPushAdapter({
              vapidPublicKey: config.VAPID_PUBLIC_KEY,
              vapidPrivateKey: config.VAPID_PRIVATE_KEY,
              subject: config.VAPID_SUBJECT,
              timeoutMs: config.SEND_TIMEOUT_MS,
              ...(config.WEB_PUSH_CA_FILE && { agent: trusting(config.WEB_PUSH_CA_FILE) }),
            })
          : sandbox();
      return new PushRouter({ webPush, fcm: fcmAdapter(config) ?? sandbox() });
    },
  },
};

/** Where `channel`'s provider calls back, as full URLs under `base` (PUBLIC_BASE_URL). */
export function callbackUrlsOf(channel: Channel, base: string): Record<string, string> {
  const paths = Object.entries(CHANNEL_PROVIDERS[channel].callbackPaths);
  return Object.fromEntries(paths.map(([name, path]) => [name, `${base}${path}`]));
}

/**
 * One adapter per channel of the registry: the real provider when its credentials are set, else the
 * sandbox, which keeps what it "sent" in `outbox` (touchpoints in the worker, test sends in the console's API).
 */
export function buildChannelAdapters(
  config: Config,
  clock: Clock,
  outbox: SandboxOutbox,
  unsubscribe: UnsubscribeLinks,
): ChannelAdapter[] {
  const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  return CHANNEL_NAMES.map((channel) =>
    CHANNEL_PROVIDERS[channel].build({
      config,
      base,
      unsubscribe,
      sandbox: () => new SandboxAdapter(channel, outbox, clock),
    }),
  );
}

/**
 * FCM when configured: tokens minted from the service-account key (FCM_SERVICE_ACCOUNT_FILE, its
 * project_id unless FCM_PROJECT_ID says otherwise), else the static FCM_ACCESS_TOKEN (development).
 */
function fcmAdapter(config: Config): FcmPushAdapter | undefined {
  const settings = { apiBaseUrl: config.FCM_API_BASE_URL, timeoutMs: config.SEND_TIMEOUT_MS };
  if (config.FCM_SERVICE_ACCOUNT_FILE) {
    const key = readServiceAccountKey(config.FCM_SERVICE_ACCOUNT_FILE);
    const projectId = config.FCM_PROJECT_ID ?? key.projectId;
    if (!projectId) throw new Error('FCM_PROJECT_ID: unset, and the service-account key has no project_id');
    return new FcmPushAdapter({ ...settings, projectId, accessToken: serviceAccountAccessToken(key) });
  }
  if (config.FCM_PROJECT_ID && config.FCM_ACCESS_TOKEN) {
    return new FcmPushAdapter({
      ...settings,
      projectId: config.FCM_PROJECT_ID,
      accessToken: config.FCM_ACCESS_TOKEN,
    });
  }
  return undefined;
}

/** The public roots plus the CAs in a PEM file: a self-hosted push service (or a test's) is trusted too. */
function trusting(caFile: string): Agent {
  return new Agent({ ca: [...rootCertificates, readFileSync(caFile, 'utf8')] });
}

/**
 * A router of the adapters built from the configured credentials, provided as `token`; `outboxOf` says how
 * its sandbox keeps what it "sent" (as a touchpoint's message here, as a test send in the API).
 */
export function channelRouterProviderFor(
  token: new (adapters: ChannelAdapter[]) => ChannelRouter,
  outboxOf: (sandbox: SandboxMessageRepository) => SandboxOutbox,
): Provider {
  return {
    provide: token,
    inject: [CONFIG, Clock, SandboxMessageRepository, UnsubscribeLinks],
    useFactory: (
      config: Config,
      clock: Clock,
      sandbox: SandboxMessageRepository,
      unsubscribe: UnsubscribeLinks,
    ) => new token(buildChannelAdapters(config, clock, outboxOf(sandbox), unsubscribe)),
  };
}

export const channelRouterProvider = channelRouterProviderFor(ChannelRouter, (sandbox) => ({
  record: (entry) => sandbox.record(entry),
}));
