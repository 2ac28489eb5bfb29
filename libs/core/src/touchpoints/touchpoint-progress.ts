import type { DeliveryStatus } from '@touchpoint/channels';
import type { TouchpointStatus } from '../database/database.types';

/**
 * How far a message got. Provider events only move a touchpoint forward along this order; `unknown` (the
 * process died mid-send) ranks with `sending`, so a webhook proving the send moves it on.
 */
const RANK: Partial<Record<TouchpointStatus, number>> = {
  scheduled: 0,
  sending: 1,
  unknown: 1,
  sent: 2,
  delivered: 3,
  opened: 4,
  clicked: 5,
};

/** Statuses a provider can report. `bounced`, `failed` and `unsubscribed` are terminal. */
export type ProviderStatus = DeliveryStatus;

const RANKED = Object.keys(RANK) as TouchpointStatus[];

/**
 * The statuses a touchpoint may be in for a provider event to move it to `to`: a late `sent` never
 * overwrites `delivered`, a bounce never follows a delivery, nothing leaves a terminal status, and
 * `suppressed`, `cancelled` and `answered` were never sent at all.
 */
export function statusesBefore(to: ProviderStatus): TouchpointStatus[] {
  switch (to) {
    case 'sent':
    case 'delivered':
    case 'opened':
    case 'clicked': {
      const rank = RANK[to] ?? 0;
      return RANKED.filter((s) => (RANK[s] ?? 0) < rank);
    }
    case 'bounced':
    case 'failed':
      return RANKED.filter((s) => (RANK[s] ?? 0) < (RANK.delivered ?? 0));
    case 'unsubscribed':
      return RANKED;
  }
}

/** An open or a click can happen many times; each is worth a line in the touchpoint's history. */
export function isRepeatable(status: ProviderStatus): boolean {
  return status === 'opened' || status === 'clicked';
}
