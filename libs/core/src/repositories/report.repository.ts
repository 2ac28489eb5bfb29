import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';
import type { FunnelCounts } from './analytics.repository';
import { reached, rolledFunnelColumns, rollupSource, type RollupFilter } from './rollup-source';

export type Interval = 'day' | 'week' | 'month';

export interface ReportRange {
  from?: Date;
  to?: Date;
}

export interface SeriesRow extends FunnelCounts {
  /** Start of the day, week or month (UTC) the touchpoints were created in. */
  period: Date;
  channel: string;
}

export interface FailureRow {
  channel: string;
  /** The provider's error code, or our own reason. */
  reason: string | null;
  count: number;
  /** The newest such failure's provider and message, to read the code in context. */
  provider: string | null;
  message: string | null;
}

export interface AnswerFilter extends ReportRange {
  journeyId?: string;
  stage?: string;
  /** Scores between, inclusive. */
  minScore?: number;
  maxScore?: number;
  /** Words in the comment (case-insensitive), or only answers with a comment when ''. */
  search?: string;
}

export interface AnswerRow {
  id: string;
  customerId: string;
  journeyId: string | null;
  journeyName: string | null;
  stage: string | null;
  stepId: string | null;
  /** The channel of the message that carried the survey link. */
  channel: string | null;
  carrierId: string | null;
  score: number;
  comment: string | null;
  createdAt: Date;
  /** created_at to the microsecond, for the next page's cursor. */
  cursorAt: string;
}

/** `%`, `_` and `\` stand for themselves in a LIKE pattern. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The console's reports: figures over time and failure reasons from the rollups (rollup-source), and the
 * survey answers themselves from the rows.
 */
@Injectable()
export class ReportRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** The funnel per period and channel. */
  async series(range: ReportRange, interval: Interval, filter: RollupFilter = {}): Promise<SeriesRow[]> {
    const { rows } = await sql<FunnelCounts & { period: Date; channel: string }>`
      select (date_trunc(${interval}, r.bucket at time zone 'UTC') at time zone 'UTC') as period, r.channel,
             ${rolledFunnelColumns()}
      from (${rollupSource(range, filter)}) r
      where r.channel <> 'survey'
      group by 1, 2 having sum(r.n) <> 0
      order by 1, 2`.execute(this.db);
    return rows.map((r) => ({ ...r, period: new Date(r.period) }));
  }

  /** The most frequent reasons messages failed or bounced, with the newest example of each. */
  async failures(range: ReportRange, limit: number, filter: RollupFilter = {}): Promise<FailureRow[]> {
    const { rows } = await sql<{ channel: string; reason: string | null; count: number }>`
      select r.channel, r.error as reason, sum(r.n)::int as count
      from (${rollupSource(range, filter)}) r
      where r.channel <> 'survey' and ${reached('r', 'failed', 'bounced')}
      group by 1, 2 having sum(r.n) > 0
      order by 3 desc, 1, 2 nulls last
      limit ${limit}`.execute(this.db);
    return Promise.all(
      rows.map(async (r) => {
        const example = await this.db
          .selectFrom('touchpoints')
          .select(['provider', 'error_message'])
          .where('status', 'in', ['failed', 'bounced'])
          .where('channel', '=', r.channel as never)
          // `=` or `is null` (not `is not distinct from`): the partial index touchpoints_failures serves both.
          .where('error', r.reason === null ? 'is' : '=', r.reason)
          .$if(filter.journeyId !== undefined, (q) => q.where('journey_id', '=', filter.journeyId!))
          .$if(range.from !== undefined, (q) => q.where('created_at', '>=', range.from!))
          .$if(range.to !== undefined, (q) => q.where('created_at', '<', range.to!))
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        return { ...r, provider: example?.provider ?? null, message: example?.error_message ?? null };
      }),
    );
  }

  /** Survey answers, newest first, keyset-paginated on (created_at, id) like the log. */
  async answers(
    filter: AnswerFilter,
    limit: number,
    cursor?: { createdAt: string; id: string },
  ): Promise<AnswerRow[]> {
    const { rows } = await sql<{
      id: string;
      customer_id: string;
      journey_id: string | null;
      journey_name: string | null;
      stage: string | null;
      step_id: string | null;
      channel: string | null;
      survey_of: string | null;
      score: number;
      comment: string | null;
      created_at: Date;
      cursor_at: string;
    }>`
      select a.id, a.customer_id, a.journey_id, j.name as journey_name, a.stage, a.step_id, c.channel, a.survey_of,
             a.score, a.comment, a.created_at,
             to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
      from (${this.answerPage(filter, limit, cursor)}) a
      left join journeys j on j.id = a.journey_id
      left join touchpoints c on c.id = a.survey_of
      order by a.created_at desc, a.id desc`.execute(this.db);
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      journeyId: r.journey_id,
      journeyName: r.journey_name,
      stage: r.stage,
      stepId: r.step_id,
      channel: r.channel,
      carrierId: r.survey_of,
      score: r.score,
      comment: r.comment,
      createdAt: new Date(r.created_at),
      cursorAt: r.cursor_at,
    }));
  }

  /**
   * One page of answers, newest first, before the joins: the journey and the carrier are looked up for the
   * page's rows only (the planner misjudges how rare answers are and would join all of them first).
   */
  private answerPage(filter: AnswerFilter, limit: number, cursor?: { createdAt: string; id: string }) {
    return sql`
      select a.* from touchpoints a
      where ${sql.join(
        [
          sql`a.channel = 'survey'`,
          sql`a.status = 'answered'`,
          ...(filter.from ? [sql`a.created_at >= ${filter.from}`] : []),
          ...(filter.to ? [sql`a.created_at < ${filter.to}`] : []),
          ...(filter.journeyId ? [sql`a.journey_id = ${filter.journeyId}::uuid`] : []),
          ...(filter.stage ? [sql`a.stage = ${filter.stage}`] : []),
          ...(filter.minScore !== undefined ? [sql`a.score >= ${filter.minScore}`] : []),
          ...(filter.maxScore !== undefined ? [sql`a.score <= ${filter.maxScore}`] : []),
          ...(filter.search === ''
            ? [sql`a.comment is not null`]
            : filter.search
              ? [sql`a.comment ilike ${`%${likeEscaped(filter.search)}%`}`]
              : []),
          ...(cursor
            ? [sql`(a.created_at, a.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`]
            : []),
        ],
        sql` and `,
      )}
      order by a.created_at desc, a.id desc
      limit ${limit}`;
  }
}
