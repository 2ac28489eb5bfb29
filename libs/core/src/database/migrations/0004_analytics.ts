import { statements } from './statements';

/**
 * Bit of each status in `touchpoints.reached` (1 << index), fixed once shipped; queries take their masks
 * from here so they compare with constants.
 */
export const REACHED_STATUS_BITS = [
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'suppressed',
  'unknown',
  'cancelled',
  'answered',
];

/**
 * Analytics: one index per log filter, each ending in the log's (created_at desc, id desc) order so a
 * filtered page is an index range scan that stops after `limit` rows; `reached`, every status a
 * touchpoint has been in (a clicked email that was later unsubscribed still counts as opened and
 * clicked), kept by a trigger whatever code path moves the status; the survey answer's link to the
 * touchpoint that carried it (unique: a link answers once); indexes for conversions and funnels.
 */
export const analytics = statements([
  `create index touchpoints_journey_version on touchpoints (journey_id, journey_version, created_at desc, id desc)`,
  `create index touchpoints_journey_step on touchpoints (journey_id, step_id, created_at desc, id desc)`,
  `create index touchpoints_customer_newest on touchpoints (customer_id, created_at desc, id desc)`,
  // Superseded by touchpoints_customer_newest, which also serves oldest-first reads backwards.
  `drop index if exists touchpoints_customer`,
  `create index touchpoints_channel on touchpoints (channel, created_at desc, id desc)`,
  `create index touchpoints_status on touchpoints (status, created_at desc, id desc)`,
  `create index touchpoints_stage on touchpoints (stage, created_at desc, id desc)`,
  `create function touchpoint_status_bit(status text) returns int language sql immutable parallel safe as
     $$ select case status ${REACHED_STATUS_BITS.map((s, i) => `when '${s}' then ${1 << i}`).join(' ')} else 0 end $$`,
  `alter table touchpoints add column reached int not null default 0`,
  `create function touchpoints_track_reached() returns trigger language plpgsql as $$
     begin
       if tg_op = 'UPDATE' then new.reached := old.reached | new.reached; end if;
       new.reached := new.reached | touchpoint_status_bit(new.status);
       return new;
     end $$`,
  `create trigger touchpoints_reached before insert or update of status on touchpoints
     for each row execute function touchpoints_track_reached()`,
  `update touchpoints t set reached = touchpoint_status_bit(t.status) | coalesce(
     (select bit_or(touchpoint_status_bit(e.status)) from touchpoint_events e where e.touchpoint_id = t.id), 0)`,
  `alter table touchpoints add column survey_of uuid references touchpoints (id)`,
  `create unique index touchpoints_survey_answer on touchpoints (survey_of) where survey_of is not null`,
  // Conversions look up a customer's goal events by name after a touchpoint.
  `create index events_customer_name on events (customer_id, name, occurred_at)`,
  `create index enrollments_journey on enrollments (journey_id, journey_version, enrolled_at)`,
]);
