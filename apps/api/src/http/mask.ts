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

/** Masks whatever address a channel uses. */
export function maskAddress(channel: string, to: string | null): string | null {
  if (!to) return to;
  if (channel === 'sms') return maskPhone(to);
  if (channel === 'email') return maskEmail(to);
  return '•••';
}
