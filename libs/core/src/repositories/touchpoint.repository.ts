import { Inject, Injectable } from '@nestjs/common';
import { CHANNEL_NAMES, type Channel } from '@touchpoint/journeys';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { Coalescer } from '../database/coalescer';
import { DB, type Executor } from '../database/database.tokens';
import { anyOf } from './any-of';
import type {
  Database,
  Touchpoint,
  TouchpointChannel,
  TouchpointStatus,
  TouchpointUpdate,
} from '../database/database.types';
import { statusesBefore, type ProviderStatus } from '../touchpoints/touchpoint-progress';

/** Advisory-lock namespace for a customer's send decisions (`pg_advisory_xact_lock(space, hashtext(id))`). */
const CUSTOMER_SENDS_LOCK = 0x7470_0004;

/** A move of a touchpoint's status, made only while it is in `from`. */
export interface TouchpointMove {
  from: TouchpointStatus | TouchpointStatus[];
  to: TouchpointStatus;
  at: Date;
  /** Columns set with the move. */
  set?: TouchpointUpdate;
  /** Kept on the move's event: why it happened. */
  detail?: Record<string, unknown>;
}

interface TransitionCall {
  id: string;
  at: Date;
  set: TouchpointUpdate;
  detail?: Record<string, unknown>;
}

/** The columns a batched transition may set, with their types (jsonb ones arrive as JSON text). */
const BATCHED_COLUMNS: Partial<Record<keyof TouchpointUpdate, string>> = {
  to: 'text',
  provider: 'text',
  provider_message_id: 'text',
  rendered: 'jsonb',
  details: 'jsonb',
  scheduled_for: 'timestamptz',
  queued_at: 'timestamptz',
  sent_at: 'timestamptz',
  delivered_at: 'timestamptz',
  error: 'text',
  error_message: 'text',
};

/** A touchpoint to create as `scheduled`. */
export interface ScheduledTouchpoint {
  enrollmentId: string;
  stepId: string;
  customerId: string;
  journeyId: string;
  journeyVersion: number;
  stage: string;
  channel: TouchpointChannel;
  scheduledFor: Date;
  /** When the message stops being worth sending (its step's or journey's `expiresAfter`). */
  expiresAt?: Date;
  at: Date;
  /** The visit of the step in the enrollment (a loop revisits it); 1 by default. */
  visit?: number;
}

/**
 * `status = any(from)` for statements that find their rows by primary key, written so the planner can only
 * check it on the rows the key found. As a plain condition the planner may also scan `touchpoints_status`
 * and AND the two: on a busy table that index holds an entry for every version of every row until vacuum
 * (a status change is never a HOT update), and young tables' statistics call any status rare, so each
 * `sending → sent` read thousands of dead entries (4,420 index rows per message in the bench).
 */
const statusAmong = (from: readonly TouchpointStatus[], table?: 't') =>
  sql<boolean>`(${sql.ref(table ? `${table}.status` : 'status')} = any(${[...from]}::text[])) is true`;

/**
 * The write side of touchpoints: creating them, the state machine's transitions (each conditional on the
 * status it leaves), and the reads those transitions depend on. The log's reads are TouchpointLogRepository.
 */
@Injectable()
export class TouchpointRepository {
  private readonly transitions = new Map<string, Coalescer<TransitionCall, Touchpoint | undefined>>();

  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * A scheduled touchpoint and its first event; returns its id. Unique on (enrollment, step, visit): when
   * the row exists already (the same step planned twice), that row's id comes back and nothing is written.
   */
  async createScheduled(executor: Executor, input: ScheduledTouchpoint): Promise<string> {
    const [created] = await this.insertScheduled(executor, [input]);
    if (created) return created.id;
    const existing = await this.findForStep(executor, input.enrollmentId, input.stepId, input.visit);
    if (!existing) {
      throw new Error(`touchpoint of ${input.enrollmentId}/${input.stepId} neither inserted nor found`);
    }
    return existing.id;
  }

  /** Several scheduled touchpoints and their first event, in one statement a slice of 2,000. */
  async createScheduledMany(executor: Executor, inputs: ScheduledTouchpoint[]): Promise<void> {
    for (let i = 0; i < inputs.length; i += 2_000) {
      await this.insertScheduled(executor, inputs.slice(i, i + 2_000));
    }
  }

  /**
   * One statement: each row's key first (`touchpoint_keys`, globally unique where the partitioned table
   * cannot be), then the touchpoints whose key this statement won, then their first events. A key taken
   * already (the same step planned twice, here or in another month's partition) inserts nothing.
   */
  private async insertScheduled(
    executor: Executor,
    inputs: ScheduledTouchpoint[],
  ): Promise<{ id: string }[]> {
    const values = inputs.map((input) => ({
      id: randomUUID(),
      enrollment_id: input.enrollmentId,
      step_id: input.stepId,
      customer_id: input.customerId,
      journey_id: input.journeyId,
      journey_version: input.journeyVersion,
      stage: input.stage,
      channel: input.channel,
      scheduled_for: input.scheduledFor.toISOString(),
      expires_at: input.expiresAt?.toISOString() ?? null,
      at: input.at.toISOString(),
      visit: input.visit ?? 1,
    }));
    const created = await sql<{ id: string }>`
      with v as (
        select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
          id uuid, enrollment_id uuid, step_id text, customer_id text, journey_id uuid, journey_version int,
          stage text, channel text, scheduled_for timestamptz, expires_at timestamptz, at timestamptz, visit int)
      ), won as (
        insert into touchpoint_keys (enrollment_id, step_id, visit, touchpoint_id)
        select enrollment_id, step_id, visit, id from v where enrollment_id is not null and step_id is not null
        on conflict do nothing
        returning touchpoint_id
      ), created as (
        insert into touchpoints (id, enrollment_id, step_id, customer_id, journey_id, journey_version, stage,
                                 channel, status, scheduled_for, expires_at, created_at, updated_at, visit)
        select v.id, v.enrollment_id, v.step_id, v.customer_id, v.journey_id, v.journey_version, v.stage,
               v.channel, 'scheduled', v.scheduled_for, v.expires_at, v.at, v.at, v.visit
          from v
         -- without an enrollment and step there is no key to take, as nulls were distinct in a unique index
         where v.id in (select touchpoint_id from won) or v.enrollment_id is null or v.step_id is null
        returning id, created_at
      ), logged as (
        insert into touchpoint_events (touchpoint_id, status, at)
        select id, 'scheduled', created_at from created
      )
      select id from created`.execute(executor);
    return created.rows;
  }

  findForStep(
    executor: Executor,
    enrollmentId: string,
    stepId: string,
    visit = 1,
  ): Promise<Touchpoint | undefined> {
    return executor
      .selectFrom('touchpoints')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .where('step_id', '=', stepId)
      .where('visit', '=', visit)
      .forUpdate()
      .executeTakeFirst();
  }

  /**
   * The touchpoints of several (enrollment, step, visit), row-locked; SKIP LOCKED leaves out those another
   * transaction holds, so the caller can tell "none" (not in the result, not skipped) only by asking again.
   */
  lockForSteps(
    executor: Executor,
    steps: { enrollmentId: string; stepId: string; visit: number }[],
  ): Promise<Touchpoint[]> {
    if (steps.length === 0) return Promise.resolve([]);
    // The enrollments alone too, as the index's lookups: from the tuples alone the planner looked up the
    // step and visit they share and read every touchpoint ever made at that step.
    const enrollmentIds = anyOf(
      steps.map((s) => s.enrollmentId),
      'uuid',
    );
    return executor
      .selectFrom('touchpoints')
      .selectAll()
      .where('enrollment_id', '=', enrollmentIds)
      .where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('enrollment_id', 'step_id', 'visit'),
          'in',
          steps.map((s) => tuple(s.enrollmentId, s.stepId, s.visit)),
        ),
      )
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
  }

  /**
   * Which of these steps already have a touchpoint, as `enrollment/step/visit` keys: a touchpoint that
   * `lockForSteps` skipped (locked elsewhere) is not "none".
   */
  async keysForSteps(
    executor: Executor,
    steps: { enrollmentId: string; stepId: string; visit: number }[],
  ): Promise<Set<string>> {
    if (steps.length === 0) return new Set();
    const rows = await executor
      .selectFrom('touchpoints')
      .select(['enrollment_id', 'step_id', 'visit'])
      .where(
        'enrollment_id',
        '=',
        anyOf(
          steps.map((s) => s.enrollmentId),
          'uuid',
        ),
      )
      .execute();
    return new Set(rows.map((r) => `${r.enrollment_id}/${r.step_id}/${r.visit}`));
  }

  find(id: string, executor: Executor = this.db): Promise<Touchpoint | undefined> {
    return executor.selectFrom('touchpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Moves a touchpoint from one status to another only if it is still in `from`: the conditional
   * update is what makes two workers, a retry or a re-delivered job unable to both act on it.
   */
  async transition(executor: Executor, id: string, move: TouchpointMove): Promise<Touchpoint | undefined> {
    const { from, to, at, set = {}, detail } = move;
    const fromList = Array.isArray(from) ? from : [from];
    const keys = Object.keys(set).sort() as (keyof TouchpointUpdate)[];
    // Outside a transaction, the same move made at the same moment (the sends in flight claiming their
    // touchpoints, recording what the provider said) shares one statement: one round trip for many.
    if (executor !== this.db || !keys.every((k) => k in BATCHED_COLUMNS)) {
      return this.transitionOne(executor, id, { from: fromList, to, at, set, detail });
    }
    const signature = JSON.stringify([fromList, to, keys]);
    let group = this.transitions.get(signature);
    if (!group) {
      group = new Coalescer<TransitionCall, Touchpoint | undefined>(
        (calls) => this.transitionMany(fromList, to, keys, calls),
        (call) => this.transitionOne(this.db, call.id, { ...call, from: fromList, to }),
      );
      this.transitions.set(signature, group);
    }
    return group.call({ id, at, set, detail });
  }

  /**
   * `transition` for many touchpoints at once, each with its own values and time: one statement, the
   * same conditional update row by row. A touchpoint asked twice is moved by the first call here and
   * tried again on its own afterwards, as if the calls had come one after the other.
   */
  private async transitionMany(
    from: TouchpointStatus[],
    to: TouchpointStatus,
    keys: (keyof TouchpointUpdate)[],
    calls: TransitionCall[],
  ): Promise<(Touchpoint | undefined)[]> {
    const first = new Map<string, number>();
    calls.forEach((call, i) => first.has(call.id) || first.set(call.id, i));
    const rows = [...first.values()].map((i) => {
      const call = calls[i];
      const values = keys.map((k) => {
        const v: unknown = call.set[k];
        return [k, v instanceof Date ? v.toISOString() : (v ?? null)];
      });
      return {
        id: call.id,
        at: call.at.toISOString(),
        detail: call.detail ?? null,
        ...Object.fromEntries(values),
      };
    });
    const columns = keys.map((k) => `"${k}" text`).join(', ');
    const assignments = keys.map((k) => `"${k}" = v."${k}"::${BATCHED_COLUMNS[k]}, `).join('');
    const moved = await sql<Touchpoint>`
      with v as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(id uuid, at timestamptz, detail jsonb${sql.raw(columns ? `, ${columns}` : '')})
      ), moved as (
        update touchpoints t set ${sql.raw(assignments)}status = ${to}, updated_at = v.at
          from v
         -- the id list too, as anyOf: each id looked up by the primary key of each month, never a pass over
         -- a young month the planner has no statistics for, nor a status scan
         where t.id = v.id and t.id = ${anyOf(
           rows.map((r) => r.id),
           'uuid',
         )} and ${statusAmong(from, 't')}
        returning t.*
      ), logged as (
        insert into touchpoint_events (touchpoint_id, status, at, detail)
        select moved.id, ${to}, v.at, v.detail from moved join v on v.id = moved.id
      )
      select * from moved`.execute(this.db);
    const byId = new Map(moved.rows.map((r) => [r.id, r]));
    const outs: (Touchpoint | undefined)[] = [];
    for (const [i, call] of calls.entries()) {
      outs.push(
        first.get(call.id) === i
          ? byId.get(call.id)
          : await this.transitionOne(this.db, call.id, { ...call, from, to }),
      );
    }
    return outs;
  }

  /** One statement: the move and its event commit together (a crash between them cannot lose the event). */
  private transitionOne(
    executor: Executor,
    id: string,
    move: TouchpointMove & { from: TouchpointStatus[] },
  ): Promise<Touchpoint | undefined> {
    const { from, to, at, set = {}, detail } = move;
    return executor
      .with('moved', (db) =>
        db
          .updateTable('touchpoints')
          .set({ ...set, status: to, updated_at: at })
          .where('id', '=', id)
          .where(statusAmong(from))
          .returningAll(),
      )
      .with('logged', (db) =>
        db
          .insertInto('touchpoint_events')
          .columns(['touchpoint_id', 'status', 'at', 'detail'])
          .expression((eb) =>
            eb
              .selectFrom('moved')
              .select([
                'moved.id',
                sql<TouchpointStatus>`${to}::text`.as('status'),
                sql<Date>`${at}::timestamptz`.as('at'),
                sql<string | null>`${detail ? JSON.stringify(detail) : null}::jsonb`.as('detail'),
              ]),
          ),
      )
      .selectFrom('moved')
      .selectAll()
      .executeTakeFirst();
  }

  /**
   * Moves a touchpoint forward to what a provider reported, only from a status before it (see
   * `statusesBefore`): a late or repeated event finds no row to update and changes nothing.
   */
  advance(
    executor: Executor,
    id: string,
    move: Omit<TouchpointMove, 'from' | 'to'> & { to: ProviderStatus },
  ): Promise<Touchpoint | undefined> {
    return this.transition(executor, id, { ...move, from: statusesBefore(move.to) });
  }

  /** Columns only, no status change: what the provider said about a send a webhook already moved on. */
  async update(executor: Executor, id: string, set: TouchpointUpdate, at: Date): Promise<void> {
    await executor
      .updateTable('touchpoints')
      .set({ ...set, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  findByProviderMessageId(
    provider: string,
    providerMessageId: string,
    executor: Executor = this.db,
  ): Promise<Touchpoint | undefined> {
    return executor
      .selectFrom('touchpoints')
      .selectAll()
      .where('provider_message_id', '=', providerMessageId)
      .where('provider', '=', provider)
      .executeTakeFirst();
  }

  /** Stores the rendered message on a scheduled touchpoint: from now on a send job exists for it. */
  async markReady(
    executor: Executor,
    id: string,
    input: { to: string; rendered: Record<string, unknown>; at: Date },
  ): Promise<boolean> {
    const r = await executor
      .updateTable('touchpoints')
      .set({
        to: input.to,
        rendered: JSON.stringify(input.rendered),
        queued_at: input.at,
        updated_at: input.at,
      })
      .where('id', '=', id)
      .where(statusAmong(['scheduled']))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** `markReady` for many touchpoints in one statement. */
  async markReadyMany(
    executor: Executor,
    rows: { id: string; to: string; rendered: Record<string, unknown> }[],
    at: Date,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 2_000) {
      const chunk = rows.slice(i, i + 2_000);
      // The id list too, as `anyOf`: the primary key's lookups, not a status scan nor a pass over the table.
      const ids = anyOf(
        chunk.map((r) => r.id),
        'uuid',
      );
      await sql`
        update touchpoints t
           set "to" = v."to", rendered = v.rendered, queued_at = ${at}, updated_at = ${at}
          from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as v(id uuid, "to" text, rendered jsonb)
         where t.id = v.id and t.id = ${ids} and ${statusAmong(['scheduled'], 't')}`.execute(executor);
    }
  }

  async cancelForEnrollments(executor: Executor, enrollmentIds: string[], at: Date): Promise<string[]> {
    if (enrollmentIds.length === 0) return [];
    const rows = await executor
      .updateTable('touchpoints')
      .set({ status: 'cancelled', updated_at: at })
      .where('enrollment_id', 'in', enrollmentIds)
      .where('status', '=', 'scheduled')
      .returning('id')
      .execute();
    await this.recordEvents(
      executor,
      rows.map((r) => r.id),
      'cancelled',
      at,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Unsent touchpoints held past their `expires_at` (a paused journey, an open circuit, quiet hours) become
   * `expired`, at most `limit` a call; returns their ids. A send that claims one first expires it itself.
   */
  async expireDue(now: Date, limit: number): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('touchpoints')
        .set({ status: 'expired', error: 'expired', updated_at: now })
        .where(
          'id',
          'in',
          trx
            .selectFrom('touchpoints')
            .select('id')
            .where('status', '=', 'scheduled')
            .where('expires_at', '<=', now)
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .where('status', '=', 'scheduled')
        .returning('id')
        .execute();
      const ids = rows.map((r) => r.id);
      await this.recordEvents(trx, ids, 'expired', now);
      return ids;
    });
  }

  /** Cancels the journey's touchpoints that are not sent yet (archive); returns how many. */
  async cancelForJourney(executor: Executor, journeyId: string, at: Date): Promise<number> {
    const rows = await executor
      .updateTable('touchpoints')
      .set({ status: 'cancelled', updated_at: at })
      .where('journey_id', '=', journeyId)
      .where('status', '=', 'scheduled')
      .returning('id')
      .execute();
    for (let i = 0; i < rows.length; i += 5_000) {
      await executor
        .insertInto('touchpoint_events')
        .values(
          rows.slice(i, i + 5_000).map((r) => ({ touchpoint_id: r.id, status: 'cancelled' as const, at })),
        )
        .execute();
    }
    return rows.length;
  }

  /**
   * Makes the customer's send decisions take turns until `executor`'s transaction ends: the enrollment's
   * row lock does not cover their other journeys, and the caps must count each decision before the next.
   */
  async lockCustomerSends(executor: Executor, customerId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${CUSTOMER_SENDS_LOCK}, hashtext(${customerId}))`.execute(
      executor,
    );
  }

  /**
   * What counts against the frequency caps since `since`: the customer's messages from journeys that are
   * not transactional, sent (at `sent_at`) or decided and on their way (rendered, at `queued_at`), so two
   * decisions in a row see each other before the first one reaches the provider.
   */
  async sentForCaps(
    executor: Executor,
    customerId: string,
    since: Date,
  ): Promise<{ channel: Channel; at: Date }[]> {
    const at = sql<Date>`coalesce(t.sent_at, t.queued_at)`;
    const rows = await executor
      .selectFrom('touchpoints as t')
      .innerJoin('journey_versions as v', (join) =>
        join.onRef('v.journey_id', '=', 't.journey_id').onRef('v.version', '=', 't.journey_version'),
      )
      .select(['t.channel', at.as('at')])
      .where('t.customer_id', '=', customerId)
      .where('t.channel', 'in', CHANNEL_NAMES)
      .where(sql<boolean>`coalesce(v.definition->>'transactional', 'false') <> 'true'`)
      .where((eb) =>
        eb.or([
          eb('t.sent_at', 'is not', null),
          eb.and([
            eb('t.rendered', 'is not', null),
            eb('t.status', 'in', ['scheduled', 'sending', 'unknown']),
          ]),
        ]),
      )
      .where(at, '>=', since)
      .execute();
    return rows.map((r) => ({ channel: r.channel as Channel, at: new Date(r.at) }));
  }

  /** A line in the status trail without a move: a quiet-hours hold, one more open or click. */
  async recordEvent(
    executor: Executor,
    touchpointId: string,
    { status, at, detail }: { status: TouchpointStatus; at: Date; detail?: Record<string, unknown> },
  ): Promise<void> {
    await executor
      .insertInto('touchpoint_events')
      .values({ touchpoint_id: touchpointId, status, at, detail: detail ? JSON.stringify(detail) : null })
      .execute();
  }

  private async recordEvents(executor: Executor, ids: string[], status: TouchpointStatus, at: Date) {
    if (ids.length === 0) return;
    await executor
      .insertInto('touchpoint_events')
      .values(ids.map((id) => ({ touchpoint_id: id, status, at })))
      .execute();
  }

  /** Rendered, still `scheduled`, queued before `before`: their send job may be lost. */
  async listReady(before: Date, limit: number): Promise<{ id: string; channel: Channel }[]> {
    const rows = await this.db
      .selectFrom('touchpoints')
      .select(['id', 'channel'])
      .where('status', '=', 'scheduled')
      .where('rendered', 'is not', null)
      .where('queued_at', '<', before)
      .where('channel', '!=', 'survey')
      .orderBy('queued_at')
      .limit(limit)
      .execute();
    return rows as { id: string; channel: Channel }[];
  }

  /**
   * The provider's answer to this send was lost (a reset or timeout after the request was written): it
   * stays `sending`, and the reconciler settles it with the provider after `settleAfter`. `updated_at`
   * keeps the claim's time: the provider is asked for messages since then.
   */
  async markInDoubt(
    id: string,
    input: { settleAfter: Date; provider: string; error: string; errorMessage: string },
  ): Promise<boolean> {
    const row = await this.db
      .updateTable('touchpoints')
      .set({
        settle_after: input.settleAfter,
        provider: input.provider,
        error: input.error,
        error_message: input.errorMessage,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Asks again later: the provider could not be asked now. */
  async postponeSettling(id: string, settleAfter: Date): Promise<void> {
    await this.db
      .updateTable('touchpoints')
      .set({ settle_after: settleAfter })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  }

  /**
   * Sends to settle with their provider: in doubt and due (`settle_after` passed), or left `sending` past
   * `stuckBefore` (the process died mid-call). Never re-sent blindly: see the worker's SendSettler.
   */
  async listToSettle(now: Date, stuckBefore: Date, limit: number): Promise<Touchpoint[]> {
    const [due, stuck] = await Promise.all([
      this.db
        .selectFrom('touchpoints')
        .selectAll()
        .where('status', '=', 'sending')
        .where('settle_after', 'is not', null)
        .where('settle_after', '<=', now)
        .orderBy('settle_after')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('touchpoints')
        .selectAll()
        .where('status', '=', 'sending')
        // touchpoints_in_flight's predicate: every send has its rendered message
        .where('rendered', 'is not', null)
        .where('settle_after', 'is', null)
        .where('updated_at', '<', stuckBefore)
        .orderBy('updated_at')
        .limit(limit)
        .execute(),
    ]);
    return [...due, ...stuck];
  }
}
