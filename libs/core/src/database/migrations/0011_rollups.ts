import { statements } from './statements';

/**
 * The dimensions a touchpoint is counted under, in the order of the rollup tables' columns. `score` is a
 * survey answer's own score, or on the touchpoint that carried the link, the score it was answered with.
 */
export const ROLLUP_DIMENSIONS = [
  'journey_id',
  'journey_version',
  'step_id',
  'variant',
  'channel',
  'stage',
  'status',
  'reached',
  'sent',
  'error',
  'score',
] as const;

const dimensions = ROLLUP_DIMENSIONS.join(', ');

/** The hour a touchpoint was created in, in UTC whatever the session's time zone. */
const hourOf = (t: string) => `(date_trunc('hour', ${t}.created_at at time zone 'UTC') at time zone 'UTC')`;

/**
 * The rollup key of touchpoint rows `t`, as select items: the hour, then ROLLUP_DIMENSIONS. The variant is
 * the enrollment's now, the score its answer's now, unless the caller names what they were before a change.
 * Readers count raw rows with the same expression, so a rollup and a recount cannot disagree on a key.
 */
export function rollupKeyOf(t: string, override: { variant?: string; score?: string } = {}): string {
  const variant =
    override.variant ?? `(select en.variant from enrollments en where en.id = ${t}.enrollment_id)`;
  const score =
    override.score ??
    `case when ${t}.channel = 'survey' then ${t}.score
          else (select a.score from touchpoints a where a.survey_of = ${t}.id) end`;
  return `${hourOf(t)} as hour, ${t}.journey_id, ${t}.journey_version, ${t}.step_id, ${variant} as variant,
          ${t}.channel, ${t}.stage, ${t}.status, ${t}.reached, ${t}.sent_at is not null as sent, ${t}.error,
          ${score}::smallint as score`;
}

/** `insert into touchpoint_rollup_deltas` the signed rows of `source` (hour, dimensions, n), summed per key. */
export const addDeltas = (source: string) => `
  insert into touchpoint_rollup_deltas (hour, ${dimensions}, n)
  select hour, ${dimensions}, sum(n) from (${source}) d
  group by hour, ${dimensions} having sum(n) <> 0`;

/** The columns whose change moves a touchpoint to another key (hour and score aside). */
export const movedColumns = (t: string) =>
  `(${t}.created_at, ${t}.journey_id, ${t}.journey_version, ${t}.step_id, ${t}.enrollment_id, ${t}.channel,
    ${t}.stage, ${t}.status, ${t}.reached, ${t}.sent_at is null, ${t}.error, ${t}.score)`;

/** Builds a rollup key for touchpoint rows `t`: `rollupKeyOf` here, 0019's with the answer keys' score. */
type KeyOf = (t: string, override?: { variant?: string; score?: string }) => string;

/**
 * The trigger functions that move a touchpoint's count from its old key to its new one: on an update that
 * changes a keyed column, on a delete, and when a split sets an enrollment's variant after earlier steps'
 * touchpoints exist. `create` is 0011's verb; a later migration that changes the key replaces them.
 */
export const rollupMoveFunctions = (keyOf: KeyOf, create: 'create' | 'create or replace') => ({
  updated: `${create} function touchpoint_rollups_updated() returns trigger language plpgsql as $$
     begin
       ${addDeltas(`
         select ${keyOf('o')}, -1 as n
           from old_rows o join new_rows t on t.id = o.id where ${movedColumns('o')} is distinct from ${movedColumns('t')}
         union all
         select ${keyOf('t')}, 1
           from old_rows o join new_rows t on t.id = o.id where ${movedColumns('o')} is distinct from ${movedColumns('t')}`)};
       return null;
     end $$`,
  deleted: `${create} function touchpoint_rollups_deleted() returns trigger language plpgsql as $$
     begin
       ${addDeltas(`select ${keyOf('o')}, -1 as n from old_rows o`)};
       return null;
     end $$`,
  variant: `${create} function touchpoint_rollups_variant() returns trigger language plpgsql as $$
     begin
       perform 1 from touchpoints t where t.enrollment_id = new.id for share;
       ${addDeltas(`
         select ${keyOf('t', { variant: 'old.variant' })}, -1 as n from touchpoints t where t.enrollment_id = new.id
         union all
         select ${keyOf('t', { variant: 'new.variant' })}, 1 from touchpoints t where t.enrollment_id = new.id`)};
       return null;
     end $$`,
});

const moves = rollupMoveFunctions(rollupKeyOf, 'create');

/** The backfill: the touchpoints there already, counted once, straight into both periods. */
export const ROLLUP_BACKFILL = `insert into touchpoint_rollups (period, period_start, ${dimensions}, n)
   select p.period, case p.period when 'hour' then k.hour
                      else date_trunc('day', k.hour at time zone 'UTC') at time zone 'UTC' end,
          ${ROLLUP_DIMENSIONS.map((d) => `k.${d}`).join(', ')}, sum(k.n)
   from (select ${rollupKeyOf('t')}, 1 as n from touchpoints t) k
   cross join (values ('hour'), ('day')) p(period)
   group by 1, 2, ${ROLLUP_DIMENSIONS.map((_, i) => i + 3).join(', ')}`;

/**
 * Touchpoint counts per hour and day, kept as touchpoints move, so a report costs periods × dimensions
 * rather than rows.
 *
 * Writers only append signed deltas (-1 for the key a touchpoint leaves, +1 for the key it enters), from
 * statement triggers in the transaction that moves it: whatever code path changes a touchpoint, an
 * enrollment's variant or adds a survey answer, the deltas commit or roll back with it. Appending takes no
 * lock on a shared counter, so concurrent senders never queue on (or deadlock over) the same rollup row.
 * The worker folds committed deltas into `touchpoint_rollups` in one statement that deletes them and adds
 * them: it commits whole or not at all, so a fold can neither count a delta twice nor lose one, and after
 * a crash the next fold picks up what is left. Readers add the deltas not yet folded, so figures are
 * exact at any moment, folded or not.
 *
 * Lookups that feed the key (the enrollment's variant, the carrier's answer) lock the rows they re-key,
 * so a concurrent move of the same touchpoint is counted from what the other transaction committed.
 */
export const rollups = statements([
  `create table touchpoint_rollup_deltas (
       id bigserial primary key,
       hour timestamptz not null,
       journey_id uuid, journey_version int, step_id text, variant text, channel text not null, stage text,
       status text not null, reached int not null, sent boolean not null, error text, score smallint,
       n int not null)`,
  `create table touchpoint_rollups (
       period text not null check (period in ('hour', 'day')),
       period_start timestamptz not null,
       journey_id uuid, journey_version int, step_id text, variant text, channel text not null, stage text,
       status text not null, reached int not null, sent boolean not null, error text, score smallint,
       n bigint not null)`,
  // One row per key (NULL is a value here, as in GROUP BY): a fold adds to it.
  `create unique index touchpoint_rollups_key on touchpoint_rollups
     (period, period_start, ${dimensions}) nulls not distinct`,
  `create index touchpoint_rollups_journey on touchpoint_rollups (journey_id, period, period_start)`,
  `create function touchpoint_rollups_inserted() returns trigger language plpgsql as $$
     begin
       -- An answer re-keys the touchpoint that carried its link (its score), read after locking it.
       perform 1 from touchpoints c where c.id in (select survey_of from new_rows where survey_of is not null)
         for share;
       ${addDeltas(`
         select ${rollupKeyOf('t')}, 1 as n from new_rows t
         union all
         select ${rollupKeyOf('c', { score: 'null' })}, -1 from touchpoints c join new_rows a on a.survey_of = c.id
         union all
         select ${rollupKeyOf('c', { score: 'a.score' })}, 1 from touchpoints c join new_rows a on a.survey_of = c.id`)};
       return null;
     end $$`,
  moves.updated,
  moves.deleted,
  `create trigger touchpoint_rollups_inserted after insert on touchpoints
     referencing new table as new_rows for each statement execute function touchpoint_rollups_inserted()`,
  `create trigger touchpoint_rollups_updated after update on touchpoints
     referencing old table as old_rows new table as new_rows
     for each statement execute function touchpoint_rollups_updated()`,
  `create trigger touchpoint_rollups_deleted after delete on touchpoints
     referencing old table as old_rows for each statement execute function touchpoint_rollups_deleted()`,
  // A split sets the variant after earlier steps' touchpoints exist: they move to the new variant.
  moves.variant,
  `create trigger touchpoint_rollups_variant after update of variant on enrollments
     for each row when (old.variant is distinct from new.variant) execute function touchpoint_rollups_variant()`,
  ROLLUP_BACKFILL,
]);
