import {
  type Database,
  MIGRATION_BACKFILLS,
  monthOf,
  monthStart,
  TouchpointPartitionRepository,
} from '@touchpoint/core';
import { type Kysely, sql } from 'kysely';
import { seedJourneys, STAGES, STEPS } from '../tests/support/touchpoint-seed';

/** Weighted like a real log, each status with the trail that led to it. */
const STATUSES: { status: string; weight: number; trail: string[] }[] = [
  { status: 'delivered', weight: 40, trail: ['scheduled', 'sending', 'sent', 'delivered'] },
  { status: 'sent', weight: 15, trail: ['scheduled', 'sending', 'sent'] },
  { status: 'opened', weight: 10, trail: ['scheduled', 'sending', 'sent', 'delivered', 'opened'] },
  { status: 'clicked', weight: 5, trail: ['scheduled', 'sending', 'sent', 'delivered', 'opened', 'clicked'] },
  { status: 'scheduled', weight: 8, trail: ['scheduled'] },
  { status: 'failed', weight: 4, trail: ['scheduled', 'sending', 'failed'] },
  { status: 'bounced', weight: 2, trail: ['scheduled', 'sending', 'sent', 'bounced'] },
  { status: 'suppressed', weight: 6, trail: ['scheduled', 'suppressed'] },
  { status: 'cancelled', weight: 5, trail: ['scheduled', 'cancelled'] },
  { status: 'unknown', weight: 1, trail: ['scheduled', 'sending', 'unknown'] },
  { status: 'unsubscribed', weight: 1, trail: ['scheduled', 'sending', 'sent', 'delivered', 'unsubscribed'] },
  { status: 'sending', weight: 3, trail: ['scheduled', 'sending'] },
];
const SENT = ['sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'bounced'];
const DELIVERED = ['delivered', 'opened', 'clicked', 'unsubscribed'];
const TRIGGERS = ['touchpoint_rollups_inserted', 'touchpoint_rollups_updated', 'touchpoint_rollups_deleted'];

export interface ScaleLog {
  journeyIds: string[];
  newest: Date;
  oldest: Date;
}

/**
 * `rows` touchpoints generated inside PostgreSQL with generate_series (nothing crosses the wire but the
 * statements): journeys with four send steps, an enrollment per four touchpoints (a tenth more held out),
 * status trails, survey answers to some emails, and goal events for a fifth of the customers. Three
 * touchpoints a second back from now. The rollup triggers are off during the load and the rollups
 * backfilled once at the end, as a migration over existing rows would.
 */
export async function seedScaleLog(
  db: Kysely<Database>,
  rows: number,
  progress: (line: string) => void,
): Promise<ScaleLog> {
  const newest = new Date();
  const spanMs = Math.ceil(rows / 3) * 1000;
  const oldest = new Date(newest.getTime() - spanMs);
  const enrollments = Math.ceil(rows / STEPS.length);
  const customers = Math.max(10, Math.floor(rows / 10));

  const split = {
    id: 'split',
    type: 'split',
    variants: [
      { name: 'A', weight: 50, next: 'sms-1' },
      { name: 'B', weight: 50, next: 'sms-1' },
    ],
    holdout: 10,
  };
  const journeyIds = await seedJourneys(db, 8, oldest, [split]);
  // The months the rows fall in, so none waits in the log's default partition.
  const partitions = new TouchpointPartitionRepository(db);
  for (let m = monthOf(oldest); m <= monthOf(newest); m = monthOf(monthStart(m, 1))) {
    await partitions.addMonth(m);
  }
  for (const trigger of TRIGGERS) {
    await sql`alter table touchpoints disable trigger ${sql.id(trigger)}`.execute(db);
  }

  // Statuses as cumulative weight ranges, each with its reached bits computed by the database's own function.
  let cumulative = 0;
  const total = STATUSES.reduce((n, s) => n + s.weight, 0);
  const statusTable = sql.join(
    STATUSES.map((s) => {
      const lo = cumulative / total;
      cumulative += s.weight;
      return sql`(${s.status}, ${`{${s.trail.join(',')}}`}::text[], ${lo}::float8, ${cumulative / total}::float8)`;
    }),
  );
  const journeys = sql`${journeyIds}::uuid[]`;
  const stages = sql`${journeyIds.map((_, i) => STAGES[i % STAGES.length])}::text[]`;
  const chunk = 250_000;
  for (let first = 0; first < enrollments; first += chunk) {
    const last = Math.min(enrollments, first + chunk) - 1;
    await sql`
      insert into enrollments (id, journey_id, journey_version, customer_id, status, variant, enrolled_at)
      select md5('enrollment-' || g)::uuid, (${journeys})[1 + g % 8], case when g % 10 < 3 then 1 else 2 end,
             'c-' || ((g::bigint * 7919) % ${customers}), 'completed', case when (g / 8) % 2 = 0 then 'A' else 'B' end,
             ${newest}::timestamptz - (g * 4 + 3) * interval '333 milliseconds' - interval '1 hour'
      from generate_series(${first}::int, ${last}::int) g`.execute(db);
    await sql`
      with st as (
        select v.status, v.lo, v.hi,
               (select bit_or(touchpoint_status_bit(x)) from unnest(v.trail) x) as reached
        from (values ${statusTable}) v(status, trail, lo, hi)
      )
      insert into touchpoints (id, enrollment_id, step_id, customer_id, journey_id, journey_version, stage, channel,
                               status, reached, "to", provider, scheduled_for, sent_at, delivered_at, error,
                               error_message, created_at, updated_at, visit)
      select gen_random_uuid(), x.enrollment_id, x.step_id, x.customer_id, x.journey_id, x.journey_version,
             (${stages})[1 + x.g % 8], x.channel, st.status, st.reached,
             case when x.channel = 'sms' then '+98912' || lpad(substr(x.customer_id, 3), 7, '0')
                  when x.channel = 'email' then x.customer_id || '@example.com' end,
             'sandbox', x.at,
             case when st.status = any(${SENT}::text[]) then x.at + interval '2 seconds' end,
             case when st.status = any(${DELIVERED}::text[]) then x.at + interval '5 seconds' end,
             case st.status
               when 'suppressed' then (array['no_consent', 'frequency_cap', 'no_address'])[1 + (x.g + x.k) % 3]
               when 'failed' then (array['30003', '30005', '21610', '30007'])[1 + (x.g + x.k) % 4] end,
             case when st.status = 'failed' then 'The provider refused the message' end,
             x.at, x.at, 1
      from (
        select g, s.k, s.step_id, s.channel, md5('enrollment-' || g)::uuid as enrollment_id,
               'c-' || ((g::bigint * 7919) % ${customers}) as customer_id, (${journeys})[1 + g % 8] as journey_id,
               case when g % 10 < 3 then 1 else 2 end as journey_version,
               ${newest}::timestamptz - (g * 4 + 3 - s.k) * interval '333 milliseconds' as at, random() as r
        from generate_series(${first}::int, ${last}::int) g
        cross join (values (0, 'sms-1', 'sms'), (1, 'email-1', 'email'), (2, 'push-1', 'push'), (3, 'sms-2', 'sms'))
          as s(k, step_id, channel)
      ) x
      join st on x.r >= st.lo and x.r < st.hi`.execute(db);
    progress(`  ${Math.min(rows, (last + 1) * 4).toLocaleString('en')} touchpoints`);
  }
  // The held-out tenth: enrolled, never messaged.
  await sql`
    insert into enrollments (id, journey_id, journey_version, customer_id, status, variant, enrolled_at)
    select md5('holdout-' || g)::uuid, (${journeys})[1 + g % 8], case when g % 10 < 3 then 1 else 2 end,
           'c-' || ((g::bigint * 104729) % ${customers}), 'holdout', null,
           ${newest}::timestamptz - g * interval '3333 milliseconds' - interval '1 hour'
    from generate_series(0, ${Math.floor(enrollments / 10)}::int) g`.execute(db);
  progress('status trails');
  await sql`
    with st as (select v.status, v.trail from (values ${statusTable}) v(status, trail, lo, hi))
    insert into touchpoint_events (touchpoint_id, status, at)
    select t.id, e.status, t.created_at + (e.k - 1) * interval '1 second'
    from touchpoints t join st on st.status = t.status
    cross join lateral unnest(st.trail) with ordinality e(status, k)`.execute(db);
  progress('survey answers and goal events');
  await sql`
    insert into touchpoints (id, step_id, customer_id, journey_id, journey_version, stage, channel, status, reached,
                             score, comment, survey_of, created_at, updated_at)
    select gen_random_uuid(), t.step_id, t.customer_id, t.journey_id, t.journey_version, t.stage, 'survey', 'answered',
           touchpoint_status_bit('answered'), s.score,
           case when s.score <= 6 then 'ارسال دیر رسید' when s.score >= 9 then 'Great, thanks!' end,
           t.id, t.created_at + interval '1 hour', t.created_at + interval '1 hour'
    from touchpoints t cross join lateral (select floor(random() * 11)::int + 0 * length(t.step_id) as score) s
    where t.channel = 'email' and t.status in ('delivered', 'opened', 'clicked') and random() < 0.05`.execute(
    db,
  );
  // The customers themselves, so that their journey maps open.
  await sql`
    insert into customers (id, locale, timezone, created_at, updated_at)
    select 'c-' || c, 'en', 'UTC', ${oldest}, ${oldest} from generate_series(0, ${customers - 1}::int) c`.execute(
    db,
  );
  await sql`
    insert into events (id, customer_id, name, properties, occurred_at, received_at, processed_at)
    select 'goal-' || c || '-' || k, 'c-' || c, 'order_completed', '{}', x.at, x.at, x.at
    from generate_series(0, ${customers - 1}::int, 5) c
    cross join lateral generate_series(1, 1 + c % 3) k
    cross join lateral (select ${oldest}::timestamptz + random() * ${`${spanMs} milliseconds`}::interval + 0 * k * interval '1 second' as at) x`.execute(
    db,
  );
  return { journeyIds, newest, oldest };
}

/**
 * After the indexes are back: count what is there into the rollups once, attribute the goal events (the
 * worker records conversions as it processes events; the seed's are inserted processed), take the
 * never-twice and one-answer keys (0019), and turn the triggers back on.
 */
export async function backfillRollups(db: Kysely<Database>): Promise<void> {
  await MIGRATION_BACKFILLS.rollups(db);
  await MIGRATION_BACKFILLS.conversions(db);
  await MIGRATION_BACKFILLS.enrollmentConversions(db);
  await MIGRATION_BACKFILLS.touchpointKeys(db);
  for (const trigger of TRIGGERS) {
    await sql`alter table touchpoints enable trigger ${sql.id(trigger)}`.execute(db);
  }
}
