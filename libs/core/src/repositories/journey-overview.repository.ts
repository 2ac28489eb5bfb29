import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database, JourneyStatus } from '../database/database.types';
import { reached } from './rollup-source';

export interface JourneySummaryRow {
  id: string;
  name: string;
  status: JourneyStatus;
  version: number;
  trigger: unknown;
  stage: string | null;
  hasDraft: boolean;
  updatedAt: Date;
  updatedBy: { name: string; keyId: string | null } | null;
  entered: number;
  sent: number;
  delivered: number;
  converted: number;
}

/** What the console shows about journeys at a glance: the list with its numbers, who waits where. */
@Injectable()
export class JourneyOverviewRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * Every journey with its figures for [from, to), in one query for the whole list: entered (enrollments),
   * sent and delivered (its touchpoints created in the period), converted (treated enrollments of the period
   * whose customer reached the version's goal within its window: `converted_at`, as GET …/stats counts them).
   */
  async summary(input: { from: Date; to: Date; status?: JourneyStatus }): Promise<JourneySummaryRow[]> {
    const { rows } = await sql<{
      id: string;
      name: string;
      status: JourneyStatus;
      version: number;
      trigger: unknown;
      stage: string | null;
      has_draft: boolean;
      updated_at: Date;
      actor: string | null;
      actor_key_id: string | null;
      entered: number | null;
      sent: number | null;
      delivered: number | null;
      converted: number | null;
    }>`
      with entered as (
        select en.journey_id, count(*)::int as entered,
          count(*) filter (where en.status <> 'holdout' and en.converted_at is not null)::int as converted
        from enrollments en
        where en.enrolled_at >= ${input.from} and en.enrolled_at < ${input.to}
        group by en.journey_id
      ), messages as (
        select t.journey_id,
          count(*) filter (where t.sent_at is not null
            or ${reached('t', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed')})::int as sent,
          count(*) filter (where ${reached('t', 'delivered', 'opened', 'clicked')})::int as delivered
        from touchpoints t
        where t.created_at >= ${input.from} and t.created_at < ${input.to}
          and t.journey_id is not null and t.channel <> 'survey'
        group by t.journey_id
      )
      select j.id, j.name, j.status, j.version, j.updated_at,
        v.definition->'trigger' as trigger, v.definition->>'stage' as stage,
        exists (select 1 from journey_drafts d where d.journey_id = j.id) as has_draft,
        c.actor, c.actor_key_id, e.entered, e.converted, m.sent, m.delivered
      from journeys j
      join journey_versions v on v.journey_id = j.id and v.version = j.version
      left join lateral (
        select ch.actor, ch.actor_key_id from journey_changes ch
        where ch.journey_id = j.id order by ch.id desc limit 1
      ) c on true
      left join entered e on e.journey_id = j.id
      left join messages m on m.journey_id = j.id
      ${input.status ? sql`where j.status = ${input.status}` : sql``}
      order by j.created_at desc, j.id desc`.execute(this.db);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      version: r.version,
      trigger: r.trigger,
      stage: r.stage,
      hasDraft: r.has_draft,
      updatedAt: r.updated_at,
      updatedBy: r.actor === null ? null : { name: r.actor, keyId: r.actor_key_id },
      entered: r.entered ?? 0,
      sent: r.sent ?? 0,
      delivered: r.delivered ?? 0,
      converted: r.converted ?? 0,
    }));
  }

  /** Running enrollments waiting at each step right now (a wait, an awaited event, a send not yet due). */
  async waitingBySteps(journeyId: string): Promise<Map<string, number>> {
    const { rows } = await sql<{ step_id: string; n: number }>`
      select s.step_id, count(*)::int as n
      from enrollments en join scheduled_steps s on s.enrollment_id = en.id
      where en.journey_id = ${journeyId}::uuid and en.status = 'active' and s.status in ('waiting', 'queued')
      group by s.step_id`.execute(this.db);
    return new Map(rows.map((r) => [r.step_id, r.n]));
  }

  /** What pausing or archiving would touch: customers inside, and messages not sent yet. */
  async lifecycle(journeyId: string): Promise<{ waiting: number; pendingMessages: number }> {
    const { rows } = await sql<{ waiting: number; pending: number }>`
      select
        (select count(*)::int from enrollments en
          where en.journey_id = ${journeyId}::uuid and en.status = 'active') as waiting,
        (select count(*)::int from touchpoints t
          where t.journey_id = ${journeyId}::uuid and t.status = 'scheduled') as pending`.execute(this.db);
    return { waiting: rows[0].waiting, pendingMessages: rows[0].pending };
  }
}
