import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';
import { reached, rolledFunnelColumns, rolledNpsColumns, rollupSource } from './rollup-source';

/** How far a journey's touchpoints got: each figure counts touchpoints that reached that status at any time. */
export interface FunnelCounts {
  /** Every touchpoint the journey decided to send (each one starts `scheduled`). */
  scheduled: number;
  /** Still `scheduled` or `sending`. */
  pending: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  failed: number;
  bounced: number;
  unsubscribed: number;
  suppressed: number;
  cancelled: number;
  unknown: number;
  /** Held past their `expiresAfter` (an outage, a pause, quiet hours): never sent. */
  expired: number;
  /** Touchpoints whose survey link was answered. */
  answered: number;
}

export interface GoalWindow {
  event: string;
  /** ISO-8601 duration (`P7D`); PostgreSQL reads it as an interval. */
  within: string;
}

export interface StatsScope {
  journeyId: string;
  version?: number;
  from?: Date;
  to?: Date;
}

export interface FunnelRow extends FunnelCounts {
  /** Which grouping the row belongs to: the whole journey, a channel, a step, a variant. */
  by: 'all' | 'channel' | 'step' | 'variant';
  stepId: string | null;
  channel: string | null;
  variant: string | null;
}

export interface SuppressionRow {
  by: FunnelRow['by'];
  stepId: string | null;
  channel: string | null;
  variant: string | null;
  reason: string;
  n: number;
}

export interface EnrollmentRow {
  /** null: every enrollment; else the split variant ('' for enrollments without one). */
  variant: string | null;
  enrolled: number;
  active: number;
  exited: number;
  completed: number;
  holdout: number;
  /** Treated enrollments (not holdout) with a goal event within the window after enrolling. */
  converted: number;
  holdoutConverted: number;
}

export interface ConversionRow {
  by: FunnelRow['by'];
  stepId: string | null;
  channel: string | null;
  variant: string | null;
  /** Goal events attributed (each to the last touchpoint before it). */
  conversions: number;
  /** Distinct touchpoints with at least one attributed goal event. */
  converted: number;
}

export interface NpsCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface StageRow extends NpsCounts {
  stage: string | null;
  channel: string;
  touchpoints: number;
  sent: number;
  delivered: number;
  engaged: number;
  converted: number;
  scoreSum: number;
}

export interface NpsPeriodRow extends NpsCounts {
  period: Date;
}

/** One of the customer's events, with what it did: enrolled them in a journey, converted touchpoints. */
export interface MapEvent {
  id: string;
  name: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  triggeredJourneyId: string | null;
  triggeredStage: string | null;
  /**
   * For each journey whose goal this event is, the touchpoint it is attributed to: that journey's last
   * one sent before it, within its window. Oldest first.
   */
  converted: { touchpointId: string; journeyId: string; stage: string | null }[];
}

/** Which grouping set a row came from, from GROUPING() bits (step_id, channel, variant). */
function groupingOf(bits: number): FunnelRow['by'] {
  // bit 2: step_id aggregated, bit 1: channel aggregated, bit 0: variant aggregated (1 = rolled up).
  if (bits === 0b111) return 'all';
  if (bits === 0b101) return 'channel';
  if (bits === 0b001) return 'step';
  return 'variant';
}

/**
 * The analysts' figures: funnels, conversions, stages and NPS. Every figure is an aggregate computed by
 * PostgreSQL (grouping sets over one scan, window functions for attribution); Node only reshapes the few
 * rows that come back.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** The journey's touchpoints in `scope`, counted from the rollups (rollup-source). */
  private rolled(scope: StatsScope) {
    return rollupSource(
      { from: scope.from, to: scope.to },
      { journeyId: scope.journeyId, journeyVersion: scope.version },
    );
  }

  /**
   * The funnel for the whole journey, per channel, per step (and channel), per variant, and suppressions
   * by reason in the same groupings: sums of rollup rows, so the cost is periods × keys, not touchpoints.
   */
  async funnel(scope: StatsScope): Promise<{ rows: FunnelRow[]; suppressions: SuppressionRow[] }> {
    type Keyed = { g: number; step_id: string | null; channel: string | null; variant: string | null };
    const [counts, suppressed] = await Promise.all([
      sql<FunnelCounts & Keyed>`
        select grouping(r.step_id, r.channel, r.variant) as g, r.step_id, r.channel, r.variant, ${rolledFunnelColumns()}
        from (${this.rolled(scope)}) r
        where r.channel <> 'survey'
        group by grouping sets ((), (r.channel), (r.step_id, r.channel), (r.variant))`.execute(this.db),
      sql<Keyed & { reason: string | null; n: number }>`
        select grouping(r.step_id, r.channel, r.variant) as g, r.step_id, r.channel, r.variant,
               r.error as reason, sum(r.n)::int as n
        from (${this.rolled(scope)}) r
        where r.channel <> 'survey' and r.status = 'suppressed'
        group by grouping sets
          ((r.error), (r.channel, r.error), (r.step_id, r.channel, r.error), (r.variant, r.error))
        having sum(r.n) <> 0`.execute(this.db),
    ]);
    return {
      rows: counts.rows
        // A touchpoint outside any split has no variant: the variant grouping leaves it out.
        .filter((r) => groupingOf(Number(r.g)) !== 'variant' || r.variant !== null)
        .map((r) => {
          const { g, step_id, channel, variant, ...figures } = r;
          return { by: groupingOf(Number(g)), stepId: step_id, channel, variant, ...figures };
        }),
      suppressions: suppressed.rows.map((r) => ({
        by: groupingOf(Number(r.g)),
        stepId: r.step_id,
        channel: r.channel,
        variant: r.variant,
        reason: r.reason ?? 'unspecified',
        n: r.n,
      })),
    };
  }

  /**
   * Enrollments that reached each of `stepIds` (steps that send nothing: a send step's figure is its
   * touchpoints). A scheduled step is unique per enrollment and step, so a count is a count of enrollments.
   */
  async stepEntries(scope: StatsScope, stepIds: string[]): Promise<Map<string, number>> {
    if (stepIds.length === 0) return new Map();
    const filters = sql.join(
      [
        sql`en.journey_id = ${scope.journeyId}::uuid`,
        sql`s.step_id = any(${stepIds}::text[])`,
        ...(scope.version !== undefined ? [sql`en.journey_version = ${scope.version}`] : []),
        ...(scope.from ? [sql`s.created_at >= ${scope.from}`] : []),
        ...(scope.to ? [sql`s.created_at < ${scope.to}`] : []),
      ],
      sql` and `,
    );
    const { rows } = await sql<{ step_id: string; entered: number }>`
      select s.step_id, count(*)::int as entered
      from scheduled_steps s join enrollments en on en.id = s.enrollment_id
      where ${filters}
      group by s.step_id`.execute(this.db);
    return new Map(rows.map((r) => [r.step_id, r.entered]));
  }

  /**
   * Enrollments by status and variant, and how many converted: a goal event of their version within the
   * window after enrolling (`converted_at`, written as events are processed). Holdout enrollments get the
   * same test, which makes the lift visible. Without a goal, nothing converted. An index-only read of the
   * journey's enrollments: no join with the goal events.
   */
  async enrollments(scope: StatsScope, goal: GoalWindow | undefined): Promise<EnrollmentRow[]> {
    const filters = sql.join(
      [
        sql`en.journey_id = ${scope.journeyId}::uuid`,
        ...(scope.version !== undefined ? [sql`en.journey_version = ${scope.version}`] : []),
        ...(scope.from ? [sql`en.enrolled_at >= ${scope.from}`] : []),
        ...(scope.to ? [sql`en.enrolled_at < ${scope.to}`] : []),
      ],
      sql` and `,
    );
    const converted = goal ? sql`x.converted_at is not null` : sql`false`;
    const { rows } = await sql<{
      g: number;
      variant: string | null;
      enrolled: number;
      active: number;
      exited: number;
      completed: number;
      holdout: number;
      converted: number;
      holdout_converted: number;
    }>`
      select grouping(x.variant) as g, x.variant,
        count(*)::int as enrolled,
        count(*) filter (where x.status = 'active')::int as active,
        count(*) filter (where x.status = 'exited')::int as exited,
        count(*) filter (where x.status = 'completed')::int as completed,
        count(*) filter (where x.status = 'holdout')::int as holdout,
        count(*) filter (where ${converted} and x.status <> 'holdout')::int as converted,
        count(*) filter (where ${converted} and x.status = 'holdout')::int as holdout_converted
      from (
        select en.status, en.converted_at,
               case when en.status = 'holdout' then null else coalesce(en.variant, '') end as variant
        from enrollments en where ${filters}
      ) x
      group by grouping sets ((), (x.variant))`.execute(this.db);
    return rows
      .filter((r) => Number(r.g) === 1 || r.variant !== null)
      .map((r) => ({
        variant: Number(r.g) === 1 ? null : r.variant,
        enrolled: r.enrolled,
        active: r.active,
        exited: r.exited,
        completed: r.completed,
        holdout: r.holdout,
        converted: r.converted,
        holdoutConverted: r.holdout_converted,
      }));
  }

  /**
   * Goal events attributed to the last touchpoint of the journey sent before them, when the event falls
   * within the goal window after it (each touchpoint's version's goal): counted from the conversions the
   * worker recorded as the events came (migration 0012), so the cost is conversions, not touchpoints.
   */
  async conversions(scope: StatsScope): Promise<ConversionRow[]> {
    const { rows } = await sql<{
      g: number;
      step_id: string | null;
      channel: string | null;
      variant: string | null;
      conversions: number;
      converted: number;
    }>`
      select grouping(c.step_id, c.channel, c.variant) as g, c.step_id, c.channel, c.variant,
             count(*)::int as conversions, count(distinct c.touchpoint_id)::int as converted
      from conversions c
      where ${this.conversionScope(scope)}
      group by grouping sets ((), (c.channel), (c.step_id, c.channel), (c.variant))`.execute(this.db);
    return rows.map((r) => ({
      by: groupingOf(Number(r.g)),
      stepId: r.step_id,
      channel: r.channel,
      variant: r.variant,
      conversions: r.conversions,
      converted: r.converted,
    }));
  }

  private conversionScope(scope: StatsScope) {
    return sql.join(
      [
        sql`c.journey_id = ${scope.journeyId}::uuid`,
        ...(scope.version !== undefined ? [sql`c.journey_version = ${scope.version}`] : []),
        ...(scope.from ? [sql`c.touchpoint_created_at >= ${scope.from}`] : []),
        ...(scope.to ? [sql`c.touchpoint_created_at < ${scope.to}`] : []),
      ],
      sql` and `,
    );
  }

  /** Survey answers to the journey's touchpoints, bucketed the NPS way. */
  async nps(scope: StatsScope): Promise<NpsCounts> {
    const { rows } = await sql<NpsCounts>`
      select ${rolledNpsColumns()} from (${this.rolled(scope)}) r
      where r.channel = 'survey' and r.status = 'answered'`.execute(this.db);
    return rows[0];
  }

  /**
   * Per stage and channel, for touchpoints created in [from, to): sent, delivered, engaged (opened,
   * clicked, or its survey answered), converted (each journey's own goal, last-touch), and the survey
   * answers collected through that stage and channel.
   */
  async stages(from: Date, to: Date): Promise<StageRow[]> {
    type Figures = Omit<StageRow, 'converted' | 'scoreSum'> & { score_sum: number };
    const [figures, converted] = await Promise.all([
      sql<Figures>`
        select r.stage, r.channel,
          coalesce(sum(r.n), 0)::int as touchpoints,
          coalesce(sum(r.n) filter (where r.sent
            or ${reached('r', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed')}), 0)::int as sent,
          coalesce(sum(r.n) filter (where ${reached('r', 'delivered', 'opened', 'clicked')}), 0)::int as delivered,
          coalesce(sum(r.n) filter (where ${reached('r', 'opened', 'clicked')} or r.score is not null), 0)::int as engaged,
          ${rolledNpsColumns()},
          coalesce(sum(r.score * r.n), 0)::int as score_sum
        from (${rollupSource({ from, to })}) r
        where r.channel <> 'survey'
        group by r.stage, r.channel
        having sum(r.n) <> 0
        order by r.stage, r.channel`.execute(this.db),
      // Touchpoints converted (recorded by the worker, migration 0012): few, read by creation time.
      sql<{ stage: string | null; channel: string; converted: number }>`
        select c.stage, c.channel, count(distinct c.touchpoint_id)::int as converted
        from conversions c
        where c.touchpoint_created_at >= ${from} and c.touchpoint_created_at < ${to}
        group by c.stage, c.channel`.execute(this.db),
    ]);
    const conversions = new Map(converted.rows.map((r) => [`${r.stage}|${r.channel}`, r.converted]));
    return figures.rows.map((r) => ({
      stage: r.stage,
      channel: r.channel,
      touchpoints: r.touchpoints,
      sent: r.sent,
      delivered: r.delivered,
      engaged: r.engaged,
      converted: conversions.get(`${r.stage}|${r.channel}`) ?? 0,
      responses: r.responses,
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      scoreSum: r.score_sum,
    }));
  }

  /** NPS answers per day, week or month (UTC), optionally for one journey or stage. */
  async npsByPeriod(input: {
    from: Date;
    to: Date;
    interval: 'day' | 'week' | 'month';
    journeyId?: string;
    stage?: string;
  }): Promise<NpsPeriodRow[]> {
    const source = rollupSource(
      { from: input.from, to: input.to },
      { journeyId: input.journeyId, stage: input.stage },
    );
    const { rows } = await sql<NpsCounts & { period: Date }>`
      select (date_trunc(${input.interval}, r.bucket at time zone 'UTC') at time zone 'UTC') as period,
             ${rolledNpsColumns()}
      from (${source}) r where r.channel = 'survey' and r.status = 'answered'
      group by 1 having sum(r.n) filter (where r.score is not null) <> 0 order by 1`.execute(this.db);
    return rows.map((r) => ({ ...r, period: new Date(r.period) }));
  }

  /** The customer's events, oldest first, each with the journey it triggered and the touchpoints it converted. */
  async customerEvents(customerId: string, limit: number): Promise<MapEvent[]> {
    const { rows } = await sql<{
      id: string;
      name: string;
      occurred_at: Date;
      properties: Record<string, unknown>;
      triggered_journey_id: string | null;
      triggered_stage: string | null;
      converted: MapEvent['converted'];
    }>`
      select ev.id, ev.name, ev.occurred_at, ev.properties,
             trig.journey_id as triggered_journey_id, trig.stage as triggered_stage,
             conv.converted
      from events ev
      left join lateral (
        select en.journey_id, v.definition->>'stage' as stage
        from enrollments en
        join journey_versions v on v.journey_id = en.journey_id and v.version = en.journey_version
        where en.customer_id = ev.customer_id and en.trigger_event_id = ev.id
        order by en.enrolled_at limit 1) trig on true
      left join lateral (
        select coalesce(json_agg(json_build_object('touchpointId', x.id, 'journeyId', x.journey_id, 'stage', x.stage)
                                 order by x.sent_at, x.id), '[]') as converted
        from (
          select distinct on (t.journey_id) t.id, t.journey_id, t.stage, t.sent_at,
                 (v.definition->'goal'->>'within')::interval as within
          from touchpoints t
          join journey_versions v on v.journey_id = t.journey_id and v.version = t.journey_version
          where t.customer_id = ev.customer_id and t.sent_at is not null and t.channel <> 'survey'
            and v.definition->'goal'->>'event' = ev.name and t.sent_at < ev.occurred_at
          order by t.journey_id, t.sent_at desc, t.id desc) x
        where ev.occurred_at <= x.sent_at + x.within) conv on true
      where ev.customer_id = ${customerId}
      order by ev.occurred_at, ev.id
      limit ${limit}`.execute(this.db);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      occurredAt: new Date(r.occurred_at),
      properties: r.properties,
      triggeredJourneyId: r.triggered_journey_id,
      triggeredStage: r.triggered_stage,
      converted: r.converted,
    }));
  }

  async journeyNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('journeys').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
