import { statements } from './statements';

/**
 * When each customer last wrote to us, by channel (`{ "whatsapp": "2026-12-03T01:00:00Z" }`): a channel with
 * a session window (WhatsApp's 24 hours) sends free-form text only within it.
 */
export const lastInbound = statements([
  `alter table customers add column last_inbound jsonb not null default '{}'`,
]);
