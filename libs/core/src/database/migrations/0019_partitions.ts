import { type Kysely, type Migration, sql } from 'kysely';
import { addDeltas, rollupKeyOf, rollupMoveFunctions } from './0011_rollups';

/** Advisory lock taken while a month's partitions are added, so several workers add each month once. */
const PARTITION_LOCK = 0x7470_0019;

/** The partitioned tables of the touchpoint log and the column each is partitioned by (UTC months). */
const PARTITIONED = [
  { table: 'touchpoints', column: 'created_at' },
  { table: 'touchpoint_events', column: 'at' },
] as const;

/** Months created ahead of the current one, by the migration and by the worker's upkeep. */
const MONTHS_AHEAD = 3;

/**
 * Adds the partitions of one UTC month (`touchpoints_2026_12`, `touchpoint_events_2026_12`) if missing;
 * true when it added any. Rows of that month already in the default partition (a clock far from now) move
 * into the new one first: they are deleted from the default partition and inserted into the new table
 * before it is attached, statements aimed at partitions, so the parent's rollup triggers (statement
 * triggers, not cloned to partitions) count nothing twice. The advisory lock makes concurrent callers wait,
 * then find the month there.
 */
const ADD_MONTH = `create function touchpoint_log_add_month(month date) returns boolean language plpgsql as $$
  declare
    lo timestamptz := date_trunc('month', month::timestamp) at time zone 'UTC';
    hi timestamptz := (date_trunc('month', month::timestamp) + interval '1 month') at time zone 'UTC';
    suffix text := to_char(month, 'YYYY_MM');
    added boolean := false;
    p record;
  begin
    perform pg_advisory_xact_lock(${PARTITION_LOCK});
    for p in select * from (values ${PARTITIONED.map((p) => `('${p.table}', '${p.column}')`).join(', ')}) v (parent, col) loop
      if to_regclass(format('%I', p.parent || '_' || suffix)) is null then
        execute format('create table %I (like %I including defaults)', p.parent || '_' || suffix, p.parent);
        execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
          p.parent || '_default', p.col, p.col, p.parent || '_' || suffix) using lo, hi;
        execute format('alter table %I attach partition %I for values from (%L) to (%L)',
          p.parent, p.parent || '_' || suffix, lo, hi);
        added := true;
      end if;
    end loop;
    return added;
  end $$`;

/**
 * A touchpoint's score for the rollups: an answer's own, or the one its link was answered with, read from
 * the answer's key (one index probe) instead of from `touchpoints` by `survey_of`, which would probe every
 * month's index for each row a trigger counts.
 */
const answeredScore = (t: string) => `case when ${t}.channel = 'survey' then ${t}.score
  else (select k.score from touchpoint_answer_keys k where k.survey_of = ${t}.id) end`;

const keyOf = (t: string, override: { variant?: string; score?: string } = {}) =>
  rollupKeyOf(t, { score: answeredScore(t), ...override });

/**
 * 0011's rollup triggers with the score read from the answer keys; an insert without answers (every send)
 * no longer reads `touchpoints` to re-key carriers.
 */
const ROLLUP_TRIGGERS = [
  `create or replace function touchpoint_rollups_inserted() returns trigger language plpgsql as $$
     begin
       if exists (select 1 from new_rows where survey_of is not null) then
         -- An answer re-keys the touchpoint that carried its link (its score), read after locking it.
         perform 1 from touchpoints c where c.id in (select survey_of from new_rows where survey_of is not null)
           for share;
         ${addDeltas(`
           select ${keyOf('c', { score: 'null' })}, -1 as n from touchpoints c join new_rows a on a.survey_of = c.id
           union all
           select ${keyOf('c', { score: 'a.score' })}, 1 from touchpoints c join new_rows a on a.survey_of = c.id`)};
       end if;
       ${addDeltas(`select ${keyOf('t')}, 1 as n from new_rows t`)};
       return null;
     end $$`,
  ...Object.values(rollupMoveFunctions(keyOf, 'create or replace')),
];

/** The guards' keys of the touchpoints there already (the migration's, and a bulk load's: backfills.ts). */
export const KEYS_BACKFILL = [
  `insert into touchpoint_keys (enrollment_id, step_id, visit, touchpoint_id)
     select enrollment_id, step_id, visit, id from touchpoints
     where enrollment_id is not null and step_id is not null`,
  `insert into touchpoint_answer_keys (survey_of, touchpoint_id, score)
     select survey_of, id, score from touchpoints where survey_of is not null`,
];

/** An index or trigger definition of the unpartitioned table, made fit for the partitioned one. */
function partitionable(definition: string): string {
  // Uniqueness that cannot include the partition key moves to the key tables; the lookups stay indexed.
  return definition.replace(/^CREATE UNIQUE INDEX/, 'CREATE INDEX');
}

async function definitionsOf(db: Kysely<unknown>, table: string): Promise<string[]> {
  const indexes = await sql<{ definition: string }>`
    select pg_get_indexdef(i.indexrelid) as definition from pg_index i
    where i.indrelid = ${table}::regclass and not i.indisprimary order by i.indexrelid`.execute(db);
  const triggers = await sql<{ definition: string }>`
    select pg_get_triggerdef(t.oid) as definition from pg_trigger t
    where t.tgrelid = ${table}::regclass and not t.tgisinternal order by t.oid`.execute(db);
  return [...indexes.rows, ...triggers.rows].map((r) => partitionable(r.definition));
}

const run = (db: Kysely<unknown>, statement: string) => sql.raw(statement).execute(db);

/**
 * The touchpoint log partitioned by month, so old months leave by a detach (`npm run partitions`) instead
 * of a delete of millions of rows, and the log's reads by time touch the months they ask for.
 *
 * PostgreSQL keeps a unique key on a partitioned table only when it includes the partition key, and a
 * foreign key to one only through such a key. So: the primary keys become (id, created_at) and (id, at)
 * (ids are random v4 uuids we generate: not made unique across months); the never-twice guard (enrollment,
 * step, visit) and the one-answer-per-link guard move to narrow unpartitioned key tables, written in the
 * statement that inserts the touchpoint; the foreign keys to touchpoints (events, conversions, survey_of)
 * are dropped: touchpoints are never deleted by the application (erasure pseudonymises them).
 *
 * Existing rows are copied with their ids into the months they fall in; the indexes and triggers are read
 * from the catalog and made again on the parents, after the copy, so the copy fires no rollup trigger and
 * the rollups stay as they were. A DEFAULT partition takes rows of months not created (yet), so an insert
 * never fails.
 */
export const partitions: Migration = {
  async up(db: Kysely<unknown>) {
    const kept = [
      ...(await definitionsOf(db, 'touchpoints')),
      ...(await definitionsOf(db, 'touchpoint_events')),
    ];
    for (const statement of [
      `alter table touchpoint_events drop constraint if exists touchpoint_events_touchpoint_id_fkey`,
      `alter table conversions drop constraint if exists conversions_touchpoint_id_fkey`,
      `alter table touchpoints drop constraint if exists touchpoints_survey_of_fkey`,
      `alter table touchpoints rename to touchpoints_unpartitioned`,
      `alter table touchpoint_events rename to touchpoint_events_unpartitioned`,
      `create table touchpoints (like touchpoints_unpartitioned including defaults) partition by range (created_at)`,
      `create table touchpoint_events (like touchpoint_events_unpartitioned including defaults) partition by range (at)`,
      `create table touchpoints_default partition of touchpoints default`,
      `create table touchpoint_events_default partition of touchpoint_events default`,
      ADD_MONTH,
      // The months that hold rows, and this one through MONTHS_AHEAD ahead.
      `select touchpoint_log_add_month(m) from (
         select date_trunc('month', created_at at time zone 'UTC')::date as m from touchpoints_unpartitioned
         union select date_trunc('month', at at time zone 'UTC')::date from touchpoint_events_unpartitioned
         union select (date_trunc('month', now() at time zone 'UTC') + n * interval '1 month')::date
               from generate_series(0, ${MONTHS_AHEAD}) n) months order by m`,
      `insert into touchpoints select * from touchpoints_unpartitioned`,
      `insert into touchpoint_events select * from touchpoint_events_unpartitioned`,
      `alter sequence touchpoint_events_id_seq owned by touchpoint_events.id`,
      `drop table touchpoint_events_unpartitioned`,
      `drop table touchpoints_unpartitioned`,
      `alter table touchpoints add primary key (id, created_at)`,
      `alter table touchpoint_events add primary key (id, at)`,
      `alter table touchpoints add foreign key (enrollment_id) references enrollments (id)`,
      // The never-twice guard: a touchpoint is inserted only when its key is (TouchpointRepository).
      `create table touchpoint_keys (
         enrollment_id uuid not null,
         step_id text not null,
         visit int not null,
         touchpoint_id uuid not null,
         primary key (enrollment_id, step_id, visit))`,
      KEYS_BACKFILL[0],
      // A survey link answers once (SurveyAnswerRepository), with the score the rollups key its carrier by.
      `create table touchpoint_answer_keys (
         survey_of uuid primary key,
         touchpoint_id uuid not null,
         score smallint)`,
      KEYS_BACKFILL[1],
      ...ROLLUP_TRIGGERS,
      ...kept,
    ]) {
      await run(db, statement);
    }
  },
};
