import { REACHED_STATUS_BITS } from './0004_analytics';
import { statements } from './statements';

/** Every status with its bit in `touchpoints.reached`, `expired` now among them (0004's list, then 0010's). */
export const STATUS_BITS = [...REACHED_STATUS_BITS, 'expired'];

/**
 * Messages that expire: a touchpoint knows until when it is worth sending (`expires_at`, from the step's or
 * the journey's `expiresAfter`); one still unsent then becomes `expired`, a final status with its own bit
 * in `reached`, so funnels and rollups count it like the others.
 */
export const outages = statements([
  `alter table touchpoints add column expires_at timestamptz`,
  // The reconciler's sweep: the few unsent touchpoints that can expire, soonest first.
  `create index touchpoints_expiring on touchpoints (expires_at) where status = 'scheduled' and expires_at is not null`,
  `create or replace function touchpoint_status_bit(status text) returns int language sql immutable parallel safe as
     $$ select case status ${STATUS_BITS.map((s, i) => `when '${s}' then ${1 << i}`).join(' ')} else 0 end $$`,
]);
