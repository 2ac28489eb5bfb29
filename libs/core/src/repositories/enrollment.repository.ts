import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB, type Executor } from '../database/database.tokens';
import { anyOf, onFoundRows } from './any-of';

/** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters a statement. */
const INSERT_CHUNK = 2_000;
import type { Database, Enrollment, EnrollmentStatus } from '../database/database.types';

export interface NewEnrollment {
  id: string;
  journeyId: string;
  version: number;
  customerId: string;
  /** The event that enrolled the customer; null for an enrollment asked for by id or by a broadcast. */
  triggerEventId: string | null;
  broadcastId?: string;
  at: Date;
}

/** How and when an enrollment ends: `reason` is kept as its end_reason. */
export interface EnrollmentEnding {
  status: Exclude<EnrollmentStatus, 'active'>;
  reason: string;
  at: Date;
}

@Injectable()
export class EnrollmentRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * Marks when the customers' enrollments converted: each one's first goal event (its version's) within the
   * window after enrolling. Run after a batch's events and enrollments are written, so a goal event and the
   * enrollment it converts meet whichever was processed last; re-running changes nothing.
   */
  async recordConversions(executor: Executor, customerIds: string[]): Promise<void> {
    if (customerIds.length === 0) return;
    await sql`
      update enrollments en set converted_at = c.first
      from (
        select en.id, min(ev.occurred_at) as first
        from enrollments en
        join journey_versions v on v.journey_id = en.journey_id and v.version = en.journey_version
        join events ev on ev.customer_id = en.customer_id and ev.name = v.definition->'goal'->>'event'
          and ev.occurred_at > en.enrolled_at
          and ev.occurred_at <= en.enrolled_at + (v.definition->'goal'->>'within')::interval
        where en.customer_id = ${anyOf([...new Set(customerIds)], 'text')}
        group by en.id) c
      where c.id = en.id and en.converted_at is distinct from c.first`.execute(executor);
  }

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

  /**
   * Several enrollments in one insert, ids chosen by the caller; returns those inserted (a customer already
   * active in the journey, enrolled by another worker meanwhile, is skipped by the unique index). The inputs
   * of one call come all from a trigger or all from one broadcast.
   */
  async enrollMany(executor: Executor, inputs: NewEnrollment[]): Promise<Enrollment[]> {
    const inserted: Enrollment[] = [];
    for (let i = 0; i < inputs.length; i += INSERT_CHUNK) {
      // One JSON parameter: a native JSON.stringify, where eight parameters a row had Kysely build and
      // node-postgres serialise each value (a worker's hot spot while it enrolls a burst).
      const rows = JSON.stringify(
        inputs.slice(i, i + INSERT_CHUNK).map((input) => ({
          id: input.id,
          journey_id: input.journeyId,
          journey_version: input.version,
          customer_id: input.customerId,
          trigger_event_id: input.triggerEventId,
          broadcast_id: input.broadcastId ?? null,
          enrolled_at: input.at,
        })),
      );
      // A broadcast's enrollments meet a second unique index (one per broadcast and customer): any
      // conflict skips the row. Otherwise only the one running enrollment per journey and customer.
      const onConflict = inputs[i].broadcastId
        ? sql`on conflict do nothing`
        : sql`on conflict (journey_id, customer_id) where status = 'active' do nothing`;
      const { rows: enrolled } = await sql<Enrollment>`
        insert into enrollments
          (id, journey_id, journey_version, customer_id, status, trigger_event_id, broadcast_id, enrolled_at)
        select e.id, e.journey_id, e.journey_version, e.customer_id, 'active', e.trigger_event_id,
          e.broadcast_id, e.enrolled_at
        from json_to_recordset(${rows}::json) as e(id uuid, journey_id uuid, journey_version int,
          customer_id text, trigger_event_id text, broadcast_id uuid, enrolled_at timestamptz)
        ${onConflict}
        returning *`.execute(executor);
      inserted.push(...enrolled);
    }
    return inserted;
  }

  /** Each customer's history in each journey (only pairs with one), for re-entry rules over a batch. */
  async histories(
    executor: Executor,
    journeyIds: string[],
    customerIds: string[],
  ): Promise<
    {
      journeyId: string;
      customerId: string;
      count: number;
      lastEnteredAt: Date | null;
      lastEndedAt: Date | null;
      active: boolean;
    }[]
  > {
    if (journeyIds.length === 0 || customerIds.length === 0) return [];
    const rows = await executor
      .selectFrom('enrollments')
      .select((eb) => [
        'journey_id',
        'customer_id',
        eb.fn.countAll<number>().as('count'),
        eb.fn.max('ended_at').as('last_ended_at'),
        eb.fn.max('enrolled_at').as('last_entered_at'),
        sql<boolean>`bool_or(status = 'active')`.as('active'),
      ])
      .where('customer_id', '=', anyOf([...new Set(customerIds)], 'text'))
      .where(onFoundRows(sql`journey_id in (${sql.join([...new Set(journeyIds)])})`))
      .groupBy(['journey_id', 'customer_id'])
      .execute();
    return rows.map((row) => ({
      journeyId: row.journey_id,
      customerId: row.customer_id,
      count: Number(row.count),
      lastEnteredAt: row.last_entered_at ? new Date(row.last_entered_at) : null,
      lastEndedAt: row.last_ended_at ? new Date(row.last_ended_at) : null,
      active: row.active === true,
    }));
  }

  /** The events that would end each customer's running enrollments (their versions' exitOn), in one query. */
  async activeExitEvents(executor: Executor, customerIds: string[]): Promise<Map<string, Set<string>>> {
    const byCustomer = new Map<string, Set<string>>();
    if (customerIds.length === 0) return byCustomer;
    const rows = await executor
      .selectFrom('enrollments as e')
      .innerJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 'e.journey_id').onRef('v.version', '=', 'e.journey_version'),
      )
      .select(['e.customer_id', 'v.exit_on'])
      .where('e.customer_id', '=', anyOf([...new Set(customerIds)], 'text'))
      .where(onFoundRows(sql`e.status = 'active'`))
      .execute();
    for (const r of rows) {
      const names = byCustomer.get(r.customer_id) ?? new Set<string>();
      for (const name of r.exit_on) names.add(name);
      byCustomer.set(r.customer_id, names);
    }
    return byCustomer;
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

  async end(executor: Executor, id: string, { status, reason, at }: EnrollmentEnding): Promise<void> {
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
    { journeyId, customerId }: { journeyId: string; customerId: string },
    ending: EnrollmentEnding,
  ): Promise<string[]> {
    return this.endActiveMany(executor, { journeyId, customerIds: [customerId] }, ending);
  }

  /** `endActive` for several customers of one journey in one statement; returns the ids ended. */
  async endActiveMany(
    executor: Executor,
    { journeyId, customerIds }: { journeyId: string; customerIds: string[] },
    { status, reason, at }: EnrollmentEnding,
  ): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const rows = await executor
      .updateTable('enrollments')
      .set({ status, ended_at: at, end_reason: reason })
      .where('journey_id', '=', journeyId)
      .where('customer_id', 'in', customerIds)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Ends every running enrollment of the journey (archive); returns how many. */
  async endForJourney(executor: Executor, journeyId: string, ending: EnrollmentEnding): Promise<number> {
    const { status, reason, at } = ending;
    const result = await executor
      .updateTable('enrollments')
      .set({ status, ended_at: at, end_reason: reason })
      .where('journey_id', '=', journeyId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** `end` for many enrollments: one statement per distinct status and reason. */
  async endMany(
    executor: Executor,
    ended: { id: string; status: Exclude<EnrollmentStatus, 'active'>; reason: string }[],
    at: Date,
  ): Promise<void> {
    const groups = new Map<string, typeof ended>();
    for (const e of ended) {
      const key = `${e.status}\n${e.reason}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const group of groups.values()) {
      await executor
        .updateTable('enrollments')
        .set({ status: group[0].status, ended_at: at, end_reason: group[0].reason })
        .where(
          'id',
          '=',
          anyOf(
            group.map((e) => e.id),
            'uuid',
          ),
        )
        .where(onFoundRows(sql`status = 'active'`))
        .execute();
    }
  }

  /**
   * Records what a step found out (the event that ended a wait, a webhook's answer) in the enrollment's
   * context under the step's id, replacing an earlier visit's; returns the whole context.
   */
  async recordStepOutcome(
    executor: Executor,
    id: string,
    stepId: string,
    outcome: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const row = await executor
      .updateTable('enrollments')
      .set({
        context: sql`context || jsonb_build_object(${stepId}::text, ${JSON.stringify(outcome)}::jsonb)`,
      })
      .where('id', '=', id)
      .returning('context')
      .executeTakeFirstOrThrow();
    return row.context;
  }

  setVariant(executor: Executor, id: string, variant: string): Promise<unknown> {
    return executor.updateTable('enrollments').set({ variant }).where('id', '=', id).execute();
  }

  /** Several enrollments row-locked at once; SKIP LOCKED leaves out those another transaction holds. */
  lockMany(executor: Executor, ids: string[]): Promise<Enrollment[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return executor
      .selectFrom('enrollments')
      .selectAll()
      .where('id', '=', anyOf(ids, 'uuid'))
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
  }

  find(id: string, executor: Executor = this.db): Promise<Enrollment | undefined> {
    return executor.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
