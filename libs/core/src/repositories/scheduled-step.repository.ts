import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DB, type Executor } from '../database/database.tokens';
import type { Database, Enrollment, ScheduledStep } from '../database/database.types';
import { anyOf, onFoundRows } from './any-of';

export interface DueJob {
  scheduledStepId: string;
  dueAt: Date;
}

/** What a waiting step waits for besides its due time. */
export interface StepWaits {
  /** A wait_for_event step: the events, any of which ends it before `dueAt` (its timeout). */
  awaitsEvents?: string[];
  /** A wait_for_attribute step: the customer attribute whose change ends it before `dueAt` (its timeout). */
  awaitsAttribute?: string;
}

function waitColumns(input: StepWaits & { dueAt: Date }) {
  return {
    awaits_events: input.awaitsEvents ?? null,
    awaits_attribute: input.awaitsAttribute ?? null,
    timeout_at: input.awaitsAttribute !== undefined ? input.dueAt : null,
  };
}

@Injectable()
export class ScheduledStepRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async insert(
    executor: Executor,
    input: {
      enrollmentId: string;
      stepId: string;
      dueAt: Date;
      queued: boolean;
      at: Date;
    } & StepWaits,
  ): Promise<ScheduledStep> {
    // A loop back to a step that ran before reuses its row as the next visit; a step still pending is never overwritten.
    return executor
      .insertInto('scheduled_steps')
      .values({
        id: randomUUID(),
        enrollment_id: input.enrollmentId,
        step_id: input.stepId,
        due_at: input.dueAt,
        status: input.queued ? 'queued' : 'waiting',
        queued_at: input.queued ? input.at : null,
        created_at: input.at,
        updated_at: input.at,
        ...waitColumns(input),
      })
      .onConflict((oc) =>
        oc
          .columns(['enrollment_id', 'step_id'])
          .doUpdateSet((eb) => ({
            due_at: eb.ref('excluded.due_at'),
            status: eb.ref('excluded.status'),
            queued_at: eb.ref('excluded.queued_at'),
            created_at: eb.ref('excluded.created_at'),
            updated_at: eb.ref('excluded.updated_at'),
            awaits_events: eb.ref('excluded.awaits_events'),
            awaits_attribute: eb.ref('excluded.awaits_attribute'),
            timeout_at: eb.ref('excluded.timeout_at'),
            attribute_changed_at: null,
            visit: sql<number>`scheduled_steps.visit + 1`,
          }))
          .where('scheduled_steps.status', '=', 'done'),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Several steps in one insert (the first steps of a batch of enrollments); returns their ids, in order. */
  async insertMany(
    executor: Executor,
    inputs: ({
      enrollmentId: string;
      stepId: string;
      dueAt: Date;
      queued: boolean;
      at: Date;
    } & StepWaits)[],
  ): Promise<string[]> {
    const rows = inputs.map((input) => ({
      id: randomUUID(),
      enrollment_id: input.enrollmentId,
      step_id: input.stepId,
      due_at: input.dueAt,
      status: input.queued ? ('queued' as const) : ('waiting' as const),
      queued_at: input.queued ? input.at : null,
      created_at: input.at,
      updated_at: input.at,
      ...waitColumns(input),
    }));
    for (let i = 0; i < rows.length; i += 2_000) {
      // One JSON parameter: Kysely built and node-postgres bound eleven parameters a row (a worker's hot
      // spot while it enrolls a burst); a JSON array becomes awaits_events' text[].
      await sql`
        insert into scheduled_steps (id, enrollment_id, step_id, due_at, status, queued_at, created_at,
          updated_at, awaits_events, awaits_attribute, timeout_at)
        select s.id, s.enrollment_id, s.step_id, s.due_at, s.status, s.queued_at, s.created_at, s.updated_at,
          s.awaits_events, s.awaits_attribute, s.timeout_at
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + 2_000))}::json) as s(id uuid,
          enrollment_id uuid, step_id text, due_at timestamptz, status text, queued_at timestamptz,
          created_at timestamptz, updated_at timestamptz, awaits_events text[], awaits_attribute text,
          timeout_at timestamptz)`.execute(executor);
    }
    return rows.map((r) => r.id);
  }

  /** For each customer, the events their pending wait_for_event steps wait for, in one query. */
  async awaitedEvents(executor: Executor, customerIds: string[]): Promise<Map<string, Set<string>>> {
    const byCustomer = new Map<string, Set<string>>();
    if (customerIds.length === 0) return byCustomer;
    const rows = await executor
      .selectFrom('scheduled_steps as s')
      .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
      .select(['e.customer_id', 's.awaits_events'])
      .where('e.customer_id', '=', anyOf([...new Set(customerIds)], 'text'))
      .where(onFoundRows(sql`e.status = 'active'`))
      .where('s.awaits_events', 'is not', null)
      .where(onFoundRows(sql`s.status in ('waiting', 'queued')`))
      .execute();
    for (const r of rows) {
      const names = byCustomer.get(r.customer_id) ?? new Set<string>();
      for (const name of r.awaits_events ?? []) names.add(name);
      byCustomer.set(r.customer_id, names);
    }
    return byCustomer;
  }

  /**
   * Several steps row-locked at once, for deciding them in one transaction. SKIP LOCKED: a step another
   * worker holds is left out (the caller decides it on its own, waiting for the lock), so a batch never waits.
   */
  lockMany(executor: Executor, ids: string[]): Promise<ScheduledStep[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return executor
      .selectFrom('scheduled_steps')
      .selectAll()
      .where('id', '=', anyOf(ids, 'uuid'))
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /** The step and its enrollment, both row-locked: one worker decides a step at a time. */
  async lockWithEnrollment(
    executor: Executor,
    id: string,
  ): Promise<{ step: ScheduledStep; enrollment: Enrollment } | undefined> {
    const step = await executor
      .selectFrom('scheduled_steps')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!step) return undefined;
    const enrollment = await executor
      .selectFrom('enrollments')
      .selectAll()
      .where('id', '=', step.enrollment_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { step, enrollment };
  }

  /** Moves a step to `dueAt`: `queued` when its job is added now (within the horizon), else `waiting`. */
  async reschedule(
    executor: Executor,
    id: string,
    { dueAt, queued, at }: { dueAt: Date; queued: boolean; at: Date },
  ): Promise<void> {
    await executor
      .updateTable('scheduled_steps')
      .set({
        due_at: dueAt,
        status: queued ? 'queued' : 'waiting',
        queued_at: queued ? at : null,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * A wait_for_attribute step woken by a change its condition does not accept: it waits again, for the next
   * change or its timeout (its original due time).
   */
  async rearmAttributeWait(
    executor: Executor,
    step: ScheduledStep,
    queued: boolean,
    at: Date,
  ): Promise<Date> {
    const dueAt = step.timeout_at ?? step.due_at;
    await executor
      .updateTable('scheduled_steps')
      .set({
        due_at: dueAt,
        attribute_changed_at: null,
        status: queued ? 'queued' : 'waiting',
        queued_at: queued ? at : null,
        updated_at: at,
      })
      .where('id', '=', step.id)
      .execute();
    return dueAt;
  }

  async finish(executor: Executor, id: string, status: 'done' | 'cancelled', at: Date): Promise<void> {
    await executor
      .updateTable('scheduled_steps')
      .set({ status, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async finishMany(executor: Executor, ids: string[], status: 'done' | 'cancelled', at: Date): Promise<void> {
    if (ids.length === 0) return;
    await executor
      .updateTable('scheduled_steps')
      .set({ status, updated_at: at })
      .where('id', '=', anyOf(ids, 'uuid'))
      .execute();
  }

  /** Cancels the pending steps of these enrollments; returns them so their jobs can be removed. */
  async cancelForEnrollments(executor: Executor, enrollmentIds: string[], at: Date): Promise<DueJob[]> {
    if (enrollmentIds.length === 0) return [];
    const rows = await executor
      .updateTable('scheduled_steps')
      .set({ status: 'cancelled', updated_at: at })
      .where('enrollment_id', 'in', enrollmentIds)
      .where('status', 'in', ['waiting', 'queued'])
      .returning(['id', 'due_at'])
      .execute();
    return rows.map((r) => ({ scheduledStepId: r.id, dueAt: r.due_at }));
  }

  /** The pending wait_for_event steps of the customer's running enrollments that wait for `eventName`, among others. */
  findAwaiting(executor: Executor, customerId: string, eventName: string): Promise<DueJob[]> {
    return executor
      .selectFrom('scheduled_steps as s')
      .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
      .select(['s.id as scheduledStepId', 's.due_at as dueAt'])
      .where('e.customer_id', '=', customerId)
      .where('e.status', '=', 'active')
      .where(sql<boolean>`${eventName} = any(s.awaits_events)`)
      .where('s.status', 'in', ['waiting', 'queued'])
      .orderBy('s.due_at')
      .execute();
  }

  /** Cancels the pending steps of the journey's running enrollments (archive); returns them so their jobs can be removed. */
  async cancelForJourney(executor: Executor, journeyId: string, at: Date): Promise<DueJob[]> {
    const rows = await executor
      .updateTable('scheduled_steps')
      .set({ status: 'cancelled', updated_at: at })
      .where('status', 'in', ['waiting', 'queued'])
      .where('enrollment_id', 'in', (eb) =>
        eb
          .selectFrom('enrollments')
          .select('id')
          .where('journey_id', '=', journeyId)
          .where('status', '=', 'active'),
      )
      .returning(['id', 'due_at'])
      .execute();
    return rows.map((r) => ({ scheduledStepId: r.id, dueAt: r.due_at }));
  }

  /** Queues the journey's held steps that are due within the horizon (resume), without waiting for the next tick. */
  async promoteForJourney(executor: Executor, journeyId: string, until: Date, at: Date): Promise<DueJob[]> {
    const rows = await executor
      .updateTable('scheduled_steps')
      .set({ status: 'queued', queued_at: at, updated_at: at })
      .where('status', '=', 'waiting')
      .where('due_at', '<=', until)
      .where('enrollment_id', 'in', (eb) =>
        eb
          .selectFrom('enrollments')
          .select('id')
          .where('journey_id', '=', journeyId)
          .where('status', '=', 'active'),
      )
      .returning(['id', 'due_at'])
      .execute();
    return rows.map((r) => ({ scheduledStepId: r.id, dueAt: r.due_at }));
  }

  /** Moves steps that came within the horizon from PostgreSQL into the queue; SKIP LOCKED lets workers share it. */
  async promote(until: Date, at: Date, limit: number): Promise<DueJob[]> {
    const rows = await this.db
      .updateTable('scheduled_steps')
      .set({ status: 'queued', queued_at: at, updated_at: at })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('scheduled_steps as s')
          .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
          .innerJoin('journeys as j', 'j.id', 'e.journey_id')
          .select('s.id')
          .where('s.status', '=', 'waiting')
          .where('s.due_at', '<=', until)
          .where('j.status', '!=', 'paused')
          .orderBy('s.due_at')
          .limit(limit)
          .forUpdate('s')
          .skipLocked(),
      )
      .returning(['id', 'due_at'])
      .execute();
    return rows.map((r) => ({ scheduledStepId: r.id, dueAt: r.due_at }));
  }

  /** Queued steps due before `until`: after Redis lost its data every one of them needs its job again. */
  async listQueued(until: Date, limit: number): Promise<DueJob[]> {
    const rows = await this.db
      .selectFrom('scheduled_steps')
      .select(['id', 'due_at'])
      .where('status', '=', 'queued')
      .where('due_at', '<=', until)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ scheduledStepId: r.id, dueAt: r.due_at }));
  }

  async countPending(): Promise<{ waiting: number; queued: number }> {
    const rows = await this.db
      .selectFrom('scheduled_steps')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['waiting', 'queued'])
      .groupBy('status')
      .execute();
    const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { waiting: get('waiting'), queued: get('queued') };
  }
}
