/**
 * The one registry of message channels: what every layer needs to know of a channel, declared once. The
 * journey and template schemas, the consent fields, queue names, rate-limit settings, repository filters,
 * metric labels and the OpenAPI enums all derive from it; the worker pairs each entry with its adapter.
 * Adding a channel is an entry here, its adapter, its tests and its docs.
 */

/** One field of a channel's template. */
export interface TemplateFieldSpec {
  /**
   * `text`: Liquid, rendered as is; `html`: Liquid with every output HTML-escaped; `variables`: an object of
   * Liquid strings (a provider template's placeholders), each rendered as text.
   */
  kind: 'text' | 'html' | 'variables';
  required: boolean;
  /** Not language: a locale block that leaves it out inherits the default's. */
  inherited?: boolean;
  /** The field's OpenAPI description. */
  description: string;
}

/** Where a channel's address comes from on the customer. */
export type AddressSource = 'phone' | 'email' | 'push';

export interface ChannelSpec {
  /** How people name it. */
  label: string;
  /** The customer's field the address comes from (push: the newest app install, else browser subscription). */
  address: AddressSource;
  /** The key of `customer.consent` that allows it. */
  consentKey: string;
  /** The template's fields, in the order they are checked and rendered. */
  templateFields: Readonly<Record<string, TemplateFieldSpec>>;
  /** The template's OpenAPI description. */
  templateDescription: string;
  /** The BullMQ queue its sends go through. */
  queue: string;
  /** The environment variable capping its messages per second across all workers, and its default. */
  rateLimit: { env: string; perSecond: number };
  /** Its `channel` label on metrics. */
  metricsLabel: string;
  /**
   * A provider that takes free-form messages only within `hours` of the customer's last message on the
   * channel (WhatsApp's customer service window): outside it, only an approved provider template, the
   * template field `templateField` names (its `variables` fields go with it), and without one the message
   * is suppressed. Inside it the free-form fields are sent and the provider template is left out.
   */
  session?: { hours: number; templateField: string; templateFields: readonly string[] };
}

/** A required Liquid text field; spread it with `required: false` for an optional one. */
const liquid = (what: string) =>
  ({
    kind: 'text',
    required: true,
    description: `${what} (Liquid; customer, event and journey in scope).`,
  }) as const;

export const CHANNELS = {
  sms: {
    label: 'SMS',
    address: 'phone',
    consentKey: 'sms',
    templateFields: { body: liquid('Message text') },
    templateDescription: 'SMS template.',
    queue: 'send-sms',
    rateLimit: { env: 'SMS_RATE_PER_SECOND', perSecond: 10 },
    metricsLabel: 'sms',
  },
  email: {
    label: 'Email',
    address: 'email',
    consentKey: 'email',
    templateFields: {
      subject: liquid('Subject line'),
      html: { ...liquid('HTML body'), kind: 'html' },
      text: { ...liquid('Plain-text body; derived from the HTML when omitted'), required: false },
    },
    templateDescription: 'Email template.',
    queue: 'send-email',
    rateLimit: { env: 'EMAIL_RATE_PER_SECOND', perSecond: 100 },
    metricsLabel: 'email',
  },
  push: {
    label: 'Push',
    address: 'push',
    consentKey: 'push',
    templateFields: {
      title: liquid('Notification title'),
      body: liquid('Notification text'),
      url: { ...liquid('URL opened on click'), required: false, inherited: true },
    },
    templateDescription: 'Web Push template.',
    queue: 'send-push',
    rateLimit: { env: 'PUSH_RATE_PER_SECOND', perSecond: 100 },
    metricsLabel: 'push',
  },
  whatsapp: {
    label: 'WhatsApp',
    address: 'phone',
    consentKey: 'whatsapp',
    templateFields: {
      body: liquid("Free-form text, sent within 24 hours of the customer's last WhatsApp message"),
      contentSid: {
        ...liquid(
          'An approved content template (`HX…`), sent outside the 24-hour window; without one the message is suppressed there',
        ),
        required: false,
        inherited: true,
      },
      contentVariables: {
        kind: 'variables',
        required: false,
        inherited: true,
        description:
          'The content template\'s placeholders by name (`{ "1": "{{ customer.attributes.firstName }}" }`), each Liquid.',
      },
    },
    templateDescription: 'WhatsApp template.',
    queue: 'send-whatsapp',
    rateLimit: { env: 'WHATSAPP_RATE_PER_SECOND', perSecond: 10 },
    metricsLabel: 'whatsapp',
    session: { hours: 24, templateField: 'contentSid', templateFields: ['contentSid', 'contentVariables'] },
  },
} as const satisfies Record<string, ChannelSpec>;

export type Channel = keyof typeof CHANNELS;
export type ChannelSpecOf<C extends Channel> = (typeof CHANNELS)[C];
export type ConsentKey = (typeof CHANNELS)[Channel]['consentKey'];
/** A customer's consent, one optional yes or no per channel. */
export type Consent = Partial<Record<ConsentKey, boolean>>;

/** The customer's yes or no for `channel`, if they gave one. */
export function consentFor(consent: Consent, channel: Channel): boolean | undefined {
  return consent[CHANNELS[channel].consentKey];
}

/** Every channel's name, in the registry's order. */
export const CHANNEL_NAMES = Object.keys(CHANNELS) as [Channel, ...Channel[]];

/**
 * Every touchpoint channel: the message channels, `survey` (an answer, never sent) and `webhook` (a journey's
 * call to a system, never a message to the customer).
 */
export const TOUCHPOINT_CHANNELS = [...CHANNEL_NAMES, 'survey', 'webhook'] as const;

/** A channel's spec by name. */
export function channelSpec<C extends Channel>(channel: C): ChannelSpecOf<C> {
  return CHANNELS[channel];
}

/** Whether `value` names a channel of the registry. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value);
}

/** `{ [channel]: f(channel) }` over every channel: records that must have an entry for each. */
export function byChannel<T>(f: (channel: Channel) => T): Record<Channel, T> {
  return Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, f(channel)])) as Record<Channel, T>;
}

/** `sms { body }, email { subject, html, text? }, …`: every channel's template fields, for descriptions. */
export function templateFieldsSummary(): string {
  return CHANNEL_NAMES.map((channel) => {
    const fields = Object.entries(CHANNELS[channel].templateFields as Record<string, TemplateFieldSpec>);
    return `${channel} { ${fields.map(([name, spec]) => (spec.required ? name : `${name}?`)).join(', ')} }`;
  }).join(', ');
}
