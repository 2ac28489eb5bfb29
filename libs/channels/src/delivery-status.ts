/**
 * What a provider's feedback says happened to a message, in our words. `bounced`, `failed` and
 * `unsubscribed` are terminal; the others order as sent < delivered < opened < clicked.
 */
export type DeliveryStatus =
  'sent' | 'delivered' | 'opened' | 'clicked' | 'bounced' | 'failed' | 'unsubscribed';
