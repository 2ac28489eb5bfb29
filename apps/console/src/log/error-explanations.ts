/**
 * Provider and Touchpoint error codes in words. A key of the `log` namespace's `errors` table, or null for
 * a code nobody explained yet (the drawer then shows the provider's own message alone).
 */
const BY_PROVIDER: Record<string, Record<string, string>> = {
  twilio: {
    '21211': 'twilio21211',
    '21408': 'twilio21408',
    '21610': 'twilio21610',
    '21614': 'twilio21614',
    '30003': 'twilio30003',
    '30005': 'twilio30005',
    '30006': 'twilio30006',
    '30007': 'twilio30007',
    '30008': 'twilio30008',
  },
  sendgrid: {
    bounce: 'sendgridBounce',
    blocked: 'sendgridBlocked',
    dropped: 'sendgridDropped',
    spamreport: 'sendgridSpamreport',
  },
  'web-push': { '404': 'pushGone', '410': 'pushGone', http_404: 'pushGone', http_410: 'pushGone' },
  fcm: { subscription_gone: 'fcmGone', invalid_subscription: 'fcmGone', no_token: 'noAddress' },
};

/** Touchpoint's own codes, whichever provider (if any) was involved. */
const OWN: Record<string, string> = {
  no_consent: 'noConsent',
  no_address: 'noAddress',
  frequency_cap: 'frequencyCap',
  quiet_hours: 'quietHours',
  expired: 'expired',
  template_error: 'templateError',
  timeout: 'inDoubt',
  network: 'inDoubt',
  no_answer: 'inDoubt',
  bad_response: 'inDoubt',
  sending_timeout: 'inDoubt',
  in_doubt: 'inDoubt',
  rate_limited: 'rateLimited',
  auth: 'auth',
  payload_too_large: 'payloadTooLarge',
  subscription_gone: 'pushGone',
  no_subscription: 'noAddress',
  unexpected_error: 'unexpected',
};

/** Twilio's codes also arrive namespaced (`TWILIO.21610`) from older rows and imports. */
function normalise(provider: string | null, code: string): [string | null, string] {
  const dotted = /^([a-z-]+)\.(.+)$/i.exec(code);
  return dotted ? [dotted[1].toLowerCase(), dotted[2]] : [provider?.toLowerCase() ?? null, code];
}

export function explanationKey(provider: string | null, code: string | null): string | null {
  if (!code) return null;
  const [who, bare] = normalise(provider, code);
  if (who) return BY_PROVIDER[who]?.[bare] || OWN[bare] || null;
  // Without the provider (the journey map leaves it out), a provider's code is still unambiguous.
  return OWN[bare] || Object.values(BY_PROVIDER).find((codes) => codes[bare])?.[bare] || null;
}
