import { type RawBuilder, sql } from 'kysely';

/**
 * The pairs (goal event, touchpoint) that last-touch attribution gives for events `ev`: for each journey,
 * the last touchpoint (by sent_at, then id) of that journey sent to the customer before the event, when the
 * event is its version's goal and falls within the goal window after it. The same rule as `lead()` over the
 * customer's sent touchpoints of a journey bounding each one's claim by the next. Migration 0012 keeps the
 * copy it backfilled with; tests/conversions.test.ts proves the two attribute the same pairs.
 */
const attributedTo = (events: RawBuilder<unknown>) => sql`
  select ev.id as event_id, x.id as touchpoint_id, x.journey_id, x.journey_version, x.step_id, x.channel,
         x.stage, x.enrollment_id, (select en.variant from enrollments en where en.id = x.enrollment_id) as variant,
         x.created_at as touchpoint_created_at, ev.occurred_at
  from (${events}) ev
  cross join lateral (
    select distinct on (t.journey_id) t.id, t.journey_id, t.journey_version, t.step_id, t.channel, t.stage,
           t.enrollment_id, t.created_at, t.sent_at
    from touchpoints t
    where t.customer_id = ev.customer_id and t.sent_at is not null and t.channel <> 'survey'
      and t.sent_at < ev.occurred_at and t.journey_id is not null
    order by t.journey_id, t.sent_at desc, t.id desc) x
  join journey_versions v on v.journey_id = x.journey_id and v.version = x.journey_version
  where v.definition->'goal'->>'event' = ev.name
    and ev.occurred_at <= x.sent_at + (v.definition->'goal'->>'within')::interval`;

/** Records the conversions of `events` (a query with id, customer_id, name, occurred_at); never twice. */
export const recordConversions = (events: RawBuilder<unknown>) =>
  sql`insert into conversions (event_id, touchpoint_id, journey_id, journey_version, step_id, channel, stage,
        enrollment_id, variant, touchpoint_created_at, occurred_at)
      ${attributedTo(events)} on conflict do nothing`;
