import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** The touchpoint whose message carried a survey link, with what the survey page needs. */
export interface SurveyCarrier {
  id: string;
  customerId: string;
  journeyId: string | null;
  journeyVersion: number | null;
  stepId: string | null;
  stage: string | null;
  /** The journey version's `survey`, or null when it has none. */
  survey: { question: string; scale: 'nps' } | null;
  locale: string | null;
  /** The answer already given through this link, if any. */
  answeredAt: Date | null;
}

/** Survey answers: a touchpoint on the `survey` channel, linked to the touchpoint that carried the link. */
@Injectable()
export class SurveyAnswerRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async findCarrier(touchpointId: string): Promise<SurveyCarrier | undefined> {
    const row = await this.db
      .selectFrom('touchpoints as t')
      .leftJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 't.journey_id').onRef('v.version', '=', 't.journey_version'),
      )
      .leftJoin('customers as c', 'c.id', 't.customer_id')
      .leftJoin('touchpoints as a', 'a.survey_of', 't.id')
      .select([
        't.id',
        't.customer_id',
        't.journey_id',
        't.journey_version',
        't.step_id',
        't.stage',
        'c.locale',
        'a.created_at as answered_at',
        sql<SurveyCarrier['survey']>`v.definition->'survey'`.as('survey'),
      ])
      .where('t.id', '=', touchpointId)
      .where('t.channel', '!=', 'survey')
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        customerId: row.customer_id,
        journeyId: row.journey_id,
        journeyVersion: row.journey_version,
        stepId: row.step_id,
        stage: row.stage,
        survey: row.survey ?? null,
        locale: row.locale ?? null,
        answeredAt: row.answered_at ?? null,
      }
    );
  }

  /**
   * Records the answer once: the link's key in `touchpoint_answer_keys` (unique across the log's monthly
   * partitions, where an index on `survey_of` cannot be) makes a second answer through the same link (two
   * tabs, a double submit, two processes) a no-op, reported as `answered`.
   */
  async record(
    carrier: SurveyCarrier,
    answer: { score: number; comment?: string | null },
    at: Date,
  ): Promise<{ id: string } | 'answered'> {
    return this.db.transaction().execute(async (trx) => {
      const id = randomUUID();
      const won = await trx
        .insertInto('touchpoint_answer_keys')
        .values({ survey_of: carrier.id, touchpoint_id: id, score: answer.score })
        .onConflict((oc) => oc.column('survey_of').doNothing())
        .returning('touchpoint_id')
        .executeTakeFirst();
      if (!won) return 'answered';
      await trx
        .insertInto('touchpoints')
        .values({
          id,
          customer_id: carrier.customerId,
          journey_id: carrier.journeyId,
          journey_version: carrier.journeyVersion,
          step_id: carrier.stepId,
          stage: carrier.stage,
          channel: 'survey',
          status: 'answered',
          score: answer.score,
          comment: answer.comment || null,
          survey_of: carrier.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('touchpoint_events')
        .values({ touchpoint_id: id, status: 'answered', at })
        .execute();
      return { id };
    });
  }
}
