import { type RawBuilder, sql } from 'kysely';
import type { TouchpointStatus } from '../database/database.types';
import { ROLLUP_DIMENSIONS, rollupKeyOf, STATUS_BITS } from './rollup-key';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Span = [Date | undefined, Date | undefined];

/**
 * How a period [from, to) is read: whole UTC days from the daily rollups, the whole hours around them from
 * the hourly ones, the minutes at either end from the touchpoints themselves. `undefined` is unbounded.
 */
export interface RollupPlan {
  /** Whole days, or null when the period holds none. */
  days: Span | null;
  /** Whole hours outside `days` (zero, one or two spans). */
  hours: Span[];
  /** Whole hours in all (unfolded deltas are hourly, so they are read over this one span), or null. */
  aligned: Span | null;
  /** Raw touchpoints, created in these spans (zero, one or two). */
  raw: [Date, Date][];
}

const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);
const before = (a: Date | undefined, b: Date | undefined) =>
  a === undefined || b === undefined || a.getTime() < b.getTime();

export function planRollupRead(from?: Date, to?: Date): RollupPlan {
  const h1 = from && ceilTo(from, HOUR_MS);
  const h2 = to && floorTo(to, HOUR_MS);
  if (!before(h1, h2)) return { days: null, hours: [], aligned: null, raw: [[from!, to!]] };
  const raw: [Date, Date][] = [];
  if (from && h1!.getTime() > from.getTime()) raw.push([from, h1!]);
  if (to && h2!.getTime() < to.getTime()) raw.push([h2!, to]);
  const d1 = h1 && ceilTo(h1, DAY_MS);
  const d2 = h2 && floorTo(h2, DAY_MS);
  if (!before(d1, d2)) return { days: null, hours: [[h1, h2]], aligned: [h1, h2], raw };
  const hours: Span[] = [];
  if (h1 && d1!.getTime() > h1.getTime()) hours.push([h1, d1]);
  if (h2 && d2!.getTime() < h2.getTime()) hours.push([d2, h2]);
  return { days: [d1, d2], hours, aligned: [h1, h2], raw };
}

/** Equality filters on rollup dimensions (the same columns on touchpoints). */
export interface RollupFilter {
  journeyId?: string;
  journeyVersion?: number;
  stage?: string;
  channel?: string;
}

const within = (column: string, [from, to]: Span) =>
  sql.join(
    [
      sql`true`,
      ...(from ? [sql`${sql.ref(column)} >= ${from}`] : []),
      ...(to ? [sql`${sql.ref(column)} < ${to}`] : []),
    ],
    sql` and `,
  );

function filtered(alias: string, filter: RollupFilter): RawBuilder<boolean> {
  const ref = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`${sql.join(
    [
      sql`true`,
      ...(filter.journeyId ? [sql`${ref('journey_id')} = ${filter.journeyId}::uuid`] : []),
      ...(filter.journeyVersion !== undefined
        ? [sql`${ref('journey_version')} = ${filter.journeyVersion}`]
        : []),
      ...(filter.stage ? [sql`${ref('stage')} = ${filter.stage}`] : []),
      ...(filter.channel ? [sql`${ref('channel')} = ${filter.channel}`] : []),
    ],
    sql` and `,
  )}`;
}

const DIMENSIONS = sql.raw(ROLLUP_DIMENSIONS.join(', '));

/**
 * The touchpoints created in [from, to) that match `filter`, as counted rows `(bucket, …dimensions, n)`:
 * sum `n` to count touchpoints. `bucket` is the hour or day the row counts (the hour for raw rows). Exact at
 * any moment: folded rollups, the deltas not folded yet and the raw rows at the edges.
 */
export function rollupSource(
  range: { from?: Date; to?: Date },
  filter: RollupFilter = {},
): RawBuilder<unknown> {
  const plan = planRollupRead(range.from, range.to);
  const parts: RawBuilder<unknown>[] = [];
  if (plan.days) {
    parts.push(sql`select period_start as bucket, ${DIMENSIONS}, n from touchpoint_rollups r
      where r.period = 'day' and ${within('r.period_start', plan.days)} and ${filtered('r', filter)}`);
  }
  for (const hours of plan.hours) {
    parts.push(sql`select period_start as bucket, ${DIMENSIONS}, n from touchpoint_rollups r
      where r.period = 'hour' and ${within('r.period_start', hours)} and ${filtered('r', filter)}`);
  }
  if (plan.aligned) {
    parts.push(sql`select hour as bucket, ${DIMENSIONS}, n::bigint from touchpoint_rollup_deltas r
      where ${within('r.hour', plan.aligned)} and ${filtered('r', filter)}`);
  }
  for (const span of plan.raw) {
    parts.push(sql`select k.hour as bucket, ${DIMENSIONS}, 1::bigint as n
      from (select ${sql.raw(rollupKeyOf('t'))} from touchpoints t
            where ${within('t.created_at', span)} and ${filtered('t', filter)}) k`);
  }
  return parts.length === 0
    ? sql`select null::timestamptz as bucket, ${DIMENSIONS}, 0::bigint as n from touchpoint_rollups where false`
    : sql.join(parts, sql` union all `);
}

/** `(t.reached & <mask>) <> 0`: did the touchpoint ever reach one of `statuses`. The mask is a constant. */
export function reached(alias: string, ...statuses: TouchpointStatus[]): RawBuilder<boolean> {
  const mask = statuses.reduce((m, s) => {
    const bit = STATUS_BITS.indexOf(s);
    if (bit < 0) throw new Error(`status ${s} has no bit in touchpoints.reached`);
    return m | (1 << bit);
  }, 0);
  return sql<boolean>`((${sql.ref(`${alias}.reached`)} & ${sql.lit(mask)}) <> 0)`;
}

/** The funnel figures over counted rollup rows `r` (rollup-source), as SQL select items. */
export function rolledFunnelColumns() {
  const count = (where?: RawBuilder<boolean>) =>
    where ? sql`coalesce(sum(r.n) filter (where ${where}), 0)::int` : sql`coalesce(sum(r.n), 0)::int`;
  return sql`
    ${count()} as scheduled,
    ${count(sql`r.status in ('scheduled', 'sending')`)} as pending,
    ${count(sql`r.sent or ${reached('r', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed')}`)} as sent,
    ${count(reached('r', 'delivered', 'opened', 'clicked'))} as delivered,
    ${count(reached('r', 'opened', 'clicked'))} as opened,
    ${count(reached('r', 'clicked'))} as clicked,
    ${count(reached('r', 'failed'))} as failed,
    ${count(reached('r', 'bounced'))} as bounced,
    ${count(reached('r', 'unsubscribed'))} as unsubscribed,
    ${count(reached('r', 'suppressed'))} as suppressed,
    ${count(reached('r', 'cancelled'))} as cancelled,
    ${count(reached('r', 'unknown'))} as unknown,
    ${count(reached('r', 'expired'))} as expired,
    ${count(sql`r.score is not null`)} as answered`;
}

/** NPS buckets over counted rollup rows `r` whose `score` is an answer's. */
export const rolledNpsColumns = () => sql`
  coalesce(sum(r.n) filter (where r.score is not null), 0)::int as responses,
  coalesce(sum(r.n) filter (where r.score >= 9), 0)::int as promoters,
  coalesce(sum(r.n) filter (where r.score between 7 and 8), 0)::int as passives,
  coalesce(sum(r.n) filter (where r.score <= 6), 0)::int as detractors`;
