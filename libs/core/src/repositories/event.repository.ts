import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB, type Executor } from '../database/database.tokens';
import { anyOf, onFoundRows } from './any-of';
import type { Database, StoredEvent } from '../database/database.types';
import { recordConversions } from './conversion-attribution';

export interface NewEvent {
  id: string;
  customerId: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
}

@Injectable()
export class EventRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * One insert of the whole batch; an id already stored (or repeated in the batch) is dropped. Returns the
   * ids kept. The rows travel as one JSON parameter: one native JSON.stringify, where five text arrays had
   * node-postgres quote and escape every element, and PostgreSQL parses and plans one statement whatever
   * the batch's size.
   */
  async insertMany(executor: Executor, events: NewEvent[], receivedAt: Date): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = JSON.stringify(
      events.map((e) => ({
        id: e.id,
        customer_id: e.customerId,
        name: e.name,
        properties: e.properties,
        occurred_at: e.occurredAt,
      })),
    );
    const { rows: kept } = await sql<{ id: string }>`
      insert into events (id, customer_id, name, properties, occurred_at, received_at)
      select e.id, e.customer_id, e.name, e.properties, e.occurred_at, ${receivedAt}
      from json_to_recordset(${rows}::json)
        as e(id text, customer_id text, name text, properties jsonb, occurred_at timestamptz)
      on conflict (id) do nothing
      returning id`.execute(executor);
    return kept.map((r) => r.id);
  }

  /** One stored event, or undefined (an enrollment's trigger, say; `undefined` for no id). */
  find(id: string | null | undefined, executor: Executor = this.db): Promise<StoredEvent | undefined> {
    if (!id) return Promise.resolve(undefined);
    return executor.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Marks the events processed and returns those this caller won: each event is processed once. */
  claim(executor: Executor, ids: string[], at: Date): Promise<StoredEvent[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return executor
      .updateTable('events')
      .set({ processed_at: at })
      .where('id', '=', anyOf(ids, 'text'))
      .where(onFoundRows(sql`processed_at is null`))
      .returningAll()
      .execute();
  }

  /**
   * Records the touchpoints the events convert (migration 0012): in the transaction that processes them,
   * so the conversions commit with the events' claim; an event recorded before adds nothing.
   */
  async recordConversions(executor: Executor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await recordConversions(sql`select id, customer_id, name, occurred_at from events
      where id = ${anyOf(ids, 'text')}
        and name in (select v.definition->'goal'->>'event' from journey_versions v)`).execute(executor);
  }

  async findMany(ids: string[], executor: Executor = this.db): Promise<Map<string, StoredEvent>> {
    if (ids.length === 0) return new Map();
    const rows = await executor
      .selectFrom('events')
      .selectAll()
      .where('id', '=', anyOf([...new Set(ids)], 'text'))
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Accepted events whose job never ran (enqueue failed, Redis lost it). */
  async listUnprocessed(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('events')
      .select('id')
      .where('processed_at', 'is', null)
      .where('received_at', '<', before)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * For each customer and each of `names`, when they last did it among processed events: `happenedSince`
   * for a whole batch in one query.
   */
  async lastOccurrences(
    executor: Executor,
    customerIds: string[],
    names: string[],
  ): Promise<Map<string, Map<string, Date>>> {
    const byCustomer = new Map<string, Map<string, Date>>();
    if (customerIds.length === 0 || names.length === 0) return byCustomer;
    const rows = await executor
      .selectFrom('events')
      .select((eb) => ['customer_id', 'name', eb.fn.max('occurred_at').as('last')])
      .where('customer_id', '=', anyOf([...new Set(customerIds)], 'text'))
      .where('name', 'in', [...new Set(names)])
      .where('processed_at', 'is not', null)
      .groupBy(['customer_id', 'name'])
      .execute();
    for (const r of rows) {
      const last = byCustomer.get(r.customer_id) ?? new Map<string, Date>();
      last.set(r.name, new Date(r.last));
      byCustomer.set(r.customer_id, last);
    }
    return byCustomer;
  }

  /** Did the customer already do one of `names` at or after `since`? (An exit that was processed first.) */
  async happenedSince(
    executor: Executor,
    customerId: string,
    names: string[],
    since: Date,
  ): Promise<boolean> {
    if (names.length === 0) return false;
    const row = await executor
      .selectFrom('events')
      .select(sql<number>`1`.as('one'))
      .where('customer_id', '=', customerId)
      .where('name', 'in', names)
      .where('occurred_at', '>=', since)
      .where('processed_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
