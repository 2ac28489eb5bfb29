import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** What the customers and trigger events of a journey's latest enrollments carried. */
export interface TemplateSample {
  customerAttributes: Record<string, unknown>[];
  eventProperties: Record<string, unknown>[];
}

@Injectable()
export class TemplateSampleRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * The journey's latest `limit` enrollments (newest version first, on enrollments_journey), with their
   * customers and trigger events found by primary key: bounded however large events grows.
   */
  async latestOfJourney(journeyId: string, limit: number): Promise<TemplateSample> {
    const rows = await this.db
      .selectFrom((qb) =>
        qb
          .selectFrom('enrollments')
          .select(['customer_id', 'trigger_event_id'])
          .where('journey_id', '=', journeyId)
          .orderBy('journey_version', 'desc')
          .orderBy('enrolled_at', 'desc')
          .limit(limit)
          .as('e'),
      )
      .leftJoin('customers as c', 'c.id', 'e.customer_id')
      .leftJoin('events as ev', 'ev.id', 'e.trigger_event_id')
      .select(['c.attributes', 'ev.properties'])
      .execute();
    return {
      customerAttributes: rows.flatMap((r) => (r.attributes ? [r.attributes] : [])),
      eventProperties: rows.flatMap((r) => (r.properties ? [r.properties] : [])),
    };
  }
}
