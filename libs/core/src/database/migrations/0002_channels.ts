import { statements } from './statements';

/** Real channels: FCM tokens on customers, de-duplicated provider webhook events, STOP lookups by phone. */
export const channels = statements([
  `alter table customers add column fcm_tokens jsonb not null default '[]'`,
  // An inbound STOP names a phone number; every customer with it loses SMS consent.
  `create index customers_phone on customers (phone) where phone is not null`,
  // Providers deliver webhooks at least once: an event id seen before is acknowledged and ignored.
  `create table webhook_receipts (
       provider text not null,
       event_id text not null,
       received_at timestamptz not null,
       primary key (provider, event_id))`,
  `create index webhook_receipts_received on webhook_receipts (received_at)`,
]);
