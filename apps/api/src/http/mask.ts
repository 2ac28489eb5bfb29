import { CHANNELS, isChannel } from '@touchpoint/journeys';

/** `+98912•••4567`: enough to recognise a number, not enough to use it. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length <= 8) return '•••';
  return `${phone.slice(0, 6)}•••${phone.slice(-4)}`;
}

/** `n•••@example.com`. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** Masks whatever address a channel uses, by the kind of address its registry entry names. */
export function maskAddress(channel: string, to: string | null): string | null {
  if (!to) return to;
  const source = isChannel(channel) ? CHANNELS[channel].address : undefined;
  if (source === 'phone') return maskPhone(to);
  if (source === 'email') return maskEmail(to);
  return '•••';
}

const EMAIL_IN_TEXT = /[^\s@<>"',;:()[\]]+@[^\s@<>"',;:()[\]]+\.[^\s@<>"',;:()[\]]+/g;
/** International (`+98 912…`) or national (`0912…`) numbers; dates and order numbers do not start that way. */
const PHONE_IN_TEXT = /(?:\+|\b0)\d[\d\s().-]{6,}\d/g;

/** Free text (a comment, a provider's error message) with any email address or phone number in it masked. */
export function maskText(text: string | null | undefined): string | null {
  if (!text) return text ?? null;
  return text
    .replace(EMAIL_IN_TEXT, (email) => maskEmail(email) ?? '')
    .replace(PHONE_IN_TEXT, (phone) => {
      const compact = phone.replace(/[\s().-]/g, '');
      return compact.replace(/\D/g, '').length >= 9 ? (maskPhone(compact) ?? '') : phone;
    });
}

/** Every string inside a JSON value through maskText: event properties, provider details. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  }
  return value;
}
