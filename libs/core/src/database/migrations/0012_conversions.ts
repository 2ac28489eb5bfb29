import { type Kysely, type Migration, type RawBuilder, sql } from 'kysely';
import { statements } from './statements';

/**
 * The pairs (goal event, touchpoint) that last-touch attribution gives for events `ev`: for each journey,
 * the last touchpoint (by sent_at, then id) of that journey sent to the customer before the event, when the
 * event is its version's goal and falls within the goal window after it. The same rule as `lead()` over the
 * customer's sent touchpoints of a journey bounding each one's claim by the next.
 */
export const attributedTo = (events: RawBuilder<unknown>) => sql`
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

const columns =
  sql.raw(`event_id, touchpoint_id, journey_id, journey_version, step_id, channel, stage, enrollment_id, variant,
  touchpoint_created_at, occurred_at`);

/** Records the conversions of `events` (a query with id, customer_id, name, occurred_at); never twice. */
export const recordConversions = (events: RawBuilder<unknown>) =>
  sql`insert into conversions (${columns}) ${attributedTo(events)} on conflict do nothing`;

/**
 * Conversions recorded when they happen: one row per attributed (goal event, touchpoint), written by the
 * worker in the transaction that processes the event, so reports count conversions (few) instead of
 * re-attributing every touchpoint (many) on each read. The primary key makes a re-processed event a no-op;
 * the backfill attributes the events already there with the same rule. The variant is the enrollment's,
 * kept current by a trigger (a split may set it after the touchpoint converted).
 */
const tables = statements([
  `create table conversions (
       event_id text not null references events (id) on delete cascade,
       touchpoint_id uuid not null references touchpoints (id) on delete cascade,
       journey_id uuid not null,
       journey_version int not null,
       step_id text,
       channel text not null,
       stage text,
       enrollment_id uuid,
       variant text,
       touchpoint_created_at timestamptz not null,
       occurred_at timestamptz not null,
       primary key (event_id, touchpoint_id))`,
  `create index conversions_touchpoint on conversions (touchpoint_id)`,
  `create index conversions_journey on conversions (journey_id, touchpoint_created_at)`,
  `create index conversions_created on conversions (touchpoint_created_at)`,
  `create index conversions_enrollment on conversions (enrollment_id)`,
  // A split may set the variant after the touchpoint converted: its conversions follow, in the same
  // transaction, so a report never joins the (many) enrollments.
  `create function conversions_variant() returns trigger language plpgsql as $$
     begin
       update conversions set variant = new.variant where enrollment_id = new.id;
       return null;
     end $$`,
  `create trigger conversions_variant after update of variant on enrollments
     for each row when (old.variant is distinct from new.variant) execute function conversions_variant()`,
  // The failure reasons' newest example (overview, failures): a reason whose touchpoints all moved on
  // from failed has no example, and without this index finding that out read the whole log.
  `create index touchpoints_failures on touchpoints (channel, error, created_at desc)
     include (journey_id, provider, error_message) where status in ('failed', 'bounced')`,
]);

/** The backfill: every goal event there already, attributed once. */
export const backfillConversions = <DB>(db: Kysely<DB>) =>
  recordConversions(sql`select id, customer_id, name, occurred_at from events
    where name in (select v.definition->'goal'->>'event' from journey_versions v)`).execute(db);

export const conversions: Migration = {
  async up(db: Kysely<unknown>) {
    await tables.up(db);
    await backfillConversions(db);
  },
};
