import { TOUCHPOINT_STATUSES, type TouchpointStatus } from '../database/database.types';

/**
 * What the touchpoint rollups count by, as the code reads them. The migrations that built the rollups keep
 * their own copy, frozen as they shipped: a later dimension is a new migration and a change here, never an
 * edit of an old one. tests/rollups.test.ts proves that the rollups, built by the migrations' triggers, and
 * a recount of raw rows with these expressions agree.
 */

/**
 * Bit of each status in `touchpoints.reached` (1 << index), as the database's `reached` upkeep sets them:
 * the statuses in their order, which is fixed once shipped (new ones are appended). Queries take their
 * masks from here so they compare with constants; tests/rollups.test.ts checks every bit against the
 * database.
 */
export const STATUS_BITS: readonly TouchpointStatus[] = TOUCHPOINT_STATUSES;

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

/** The hour a touchpoint was created in, in UTC whatever the session's time zone. */
const hourOf = (t: string) => `(date_trunc('hour', ${t}.created_at at time zone 'UTC') at time zone 'UTC')`;

/**
 * The rollup key of touchpoint rows `t`, as select items: the hour, then ROLLUP_DIMENSIONS. The variant is
 * the enrollment's now, the score its answer's now, the same expressions the rollups' triggers use.
 */
export function rollupKeyOf(t: string): string {
  const variant = `(select en.variant from enrollments en where en.id = ${t}.enrollment_id)`;
  // The answer's score from its key (0019): one probe, where `touchpoints` by survey_of probes every month.
  const score = `case when ${t}.channel = 'survey' then ${t}.score
          else (select k.score from touchpoint_answer_keys k where k.survey_of = ${t}.id) end`;
  return `${hourOf(t)} as hour, ${t}.journey_id, ${t}.journey_version, ${t}.step_id, ${variant} as variant,
          ${t}.channel, ${t}.stage, ${t}.status, ${t}.reached, ${t}.sent_at is not null as sent, ${t}.error,
          ${score}::smallint as score`;
}
