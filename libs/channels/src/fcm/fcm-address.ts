// A push touchpoint's `to` is a Web Push endpoint (an https URL) or, for a mobile app, `fcm:<token>`.
const PREFIX = 'fcm:';

export function fcmAddress(token: string): string {
  return `${PREFIX}${token}`;
}

/** The FCM registration token in a push address, or undefined for a Web Push endpoint. */
export function fcmTokenOf(address: string): string | undefined {
  return address.startsWith(PREFIX) ? address.slice(PREFIX.length) : undefined;
}
