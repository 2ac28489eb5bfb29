import { consentFor, type Consent } from './channels';
import type { JourneyChannel } from './journey-channel';

export type DeliveryBlocker = 'no_consent' | 'no_address';

/**
 * Why a message must not go out on `channel`, or null. Marketing needs an explicit opt-in; a
 * transactional journey sends unless the customer explicitly revoked the channel.
 */
export function deliveryBlocker(
  channel: JourneyChannel,
  consent: Consent,
  address: string | null | undefined,
  transactional: boolean,
): DeliveryBlocker | null {
  const given = consentFor(consent, channel);
  if (given === false || (given !== true && !transactional)) return 'no_consent';
  if (!address) return 'no_address';
  return null;
}
