import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB, type Executor } from '../database/database.tokens';
import type { Database, Enrollment, EnrollmentStatus } from '../database/database.types';

@Injectable()
export class EnrollmentRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** Returns the new enrollment, or undefined when the customer is already active in the journey. */
  async enroll(
    executor: Executor,
    input: { journeyId: string; version: number; customerId: string; triggerEventId: string; at: Date },
  ): Promise<Enrollment | undefined> {
    return executor
      .insertInto('enrollments')
      .values({
        id: randomUUID(),
        journey_id: input.journeyId,
        journey_version: input.version,
        customer_id: input.customerId,
        status: 'active',
        trigger_event_id: input.triggerEventId,
        enrolled_at: input.at,
      })
      .onConflict((oc) =>
        oc.columns(['journey_id', 'customer_id']).where('status', '=', 'active').doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /** The customer's history in one journey, for re-entry rules. */
  async history(
    executor: Executor,
    journeyId: string,
    customerId: string,
  ): Promise<{ count: number; lastEnteredAt: Date | null; lastEndedAt: Date | null; active: boolean }> {
    const row = await executor
      .selectFrom('enrollments')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.max('ended_at').as('last_ended_at'),
        eb.fn.max('enrolled_at').as('last_entered_at'),
        sql<boolean>`bool_or(status = 'active')`.as('active'),
      ])
      .where('journey_id', '=', journeyId)
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    return {
      count: Number(row.count),
      lastEnteredAt: row.last_entered_at ? new Date(row.last_entered_at) : null,
      lastEndedAt: row.last_ended_at ? new Date(row.last_ended_at) : null,
      active: row.active === true,
    };
  }

  /** Ends the customer's active enrollments whose version lists `eventName` in exitOn. */
  async exitOnEvent(executor: Executor, customerId: string, eventName: string, at: Date): Promise<string[]> {
    const rows = await executor
      .updateTable('enrollments as e')
      .from('journey_versions as v')
      .set({ status: 'exited', ended_at: at, end_reason: sql`${'event:' + eventName}` })
      .whereRef('v.journey_id', '=', 'e.journey_id')
      .whereRef('v.version', '=', 'e.journey_version')
      .where('e.customer_id', '=', customerId)
      .where('e.status', '=', 'active')
      .where(sql<boolean>`${eventName} = any(v.exit_on)`)
      .returning('e.id')
      .execute();
    return rows.map((r) => r.id);
  }

  async end(
    executor: Executor,
    id: string,
    status: Exclude<EnrollmentStatus, 'active'>,
    reason: string,
    at: Date,
  ): Promise<void> {
    await executor
      .updateTable('enrollments')
      .set({ status, ended_at: at, end_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .execute();
  }

  /** Ends the customer's running enrollment in the journey, if any (re-entry under `always`); returns its id. */
  async endActive(
    executor: Executor,
    journeyId: string,
    customerId: string,
    status: Exclude<EnrollmentStatus, 'active'>,
    reason: string,
    at: Date,
  ): Promise<string[]> {
    const rows = await executor
      .updateTable('enrollments')
      .set({ status, ended_at: at, end_reason: reason })
      .where('journey_id', '=', journeyId)
      .where('customer_id', '=', customerId)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ends every running enrollment of the journey (archive); returns how many. */
  async endForJourney(
    executor: Executor,
    journeyId: string,
    status: Exclude<EnrollmentStatus, 'active'>,
    reason: string,
    at: Date,
  ): Promise<number> {
    const result = await executor
      .updateTable('enrollments')
      .set({ status, ended_at: at, end_reason: reason })
      .where('journey_id', '=', journeyId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  setVariant(executor: Executor, id: string, variant: string): Promise<unknown> {
    return executor.updateTable('enrollments').set({ variant }).where('id', '=', id).execute();
  }

  find(id: string, executor: Executor = this.db): Promise<Enrollment | undefined> {
    return executor.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
