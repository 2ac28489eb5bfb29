import { Inject, Injectable } from '@nestjs/common';
import { CHANNELS, type Channel, type Consent } from '@touchpoint/journeys';
import { type Kysely, sql } from 'kysely';
import { Coalescer } from '../database/coalescer';
import { DB, type Executor } from '../database/database.tokens';
import { anyOf } from './any-of';
import type { Customer, Database, StoredPushSubscription } from '../database/database.types';
import type { ConditionSql } from './customer-condition';

export interface CustomerInput {
  email?: string | null;
  phone?: string | null;
  pushSubscriptions?: StoredPushSubscription[];
  fcmTokens?: string[];
  locale?: string | null;
  timezone?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Consent;
}

@Injectable()
export class CustomerRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * Customers whose id, email or phone starts with `text` (email case-insensitively), by id; each match
   * uses its own prefix index (0008_console).
   */
  /**
   * Customers whose id starts with `text`, or whose email or phone does. `contacts: 'whole'` matches an email
   * or phone only whole: for callers who see them masked, as a prefix search would reveal them digit by digit.
   */
  search(text: string, limit: number, contacts: 'prefix' | 'whole' = 'prefix'): Promise<Customer[]> {
    const escape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);
    const tail = contacts === 'prefix' ? '%' : '';
    const email = `${escape(text.toLowerCase())}${tail}`;
    const phone = `${escape(text.replace(/[\s().-]/g, ''))}${tail}`;
    return this.db
      .selectFrom('customers')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', 'like', `${escape(text)}%`),
          eb(sql`lower(email)`, 'like', email),
          eb('phone', 'like', phone),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Create or replace: fields absent from the input are cleared, as PUT means. */
  replace(id: string, input: CustomerInput, at: Date): Promise<Customer> {
    const values = {
      email: input.email ?? null,
      phone: input.phone ?? null,
      push_subscriptions: JSON.stringify(input.pushSubscriptions ?? []),
      fcm_tokens: JSON.stringify(input.fcmTokens ?? []),
      locale: input.locale ?? null,
      timezone: input.timezone ?? null,
      attributes: JSON.stringify(input.attributes ?? {}),
      consent: JSON.stringify(input.consent ?? {}),
      updated_at: at,
    };
    return this.db
      .insertInto('customers')
      .values({ id, ...values, created_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(id: string, executor: Executor = this.db): Promise<Customer | undefined> {
    // Outside a transaction, the reads made at the same moment (the sends in flight) share one query.
    return executor === this.db ? this.finds.call(id) : this.findOne(id, executor);
  }

  private readonly finds = new Coalescer<string, Customer | undefined>(
    async (ids) => {
      const found = await this.findMany(ids);
      return ids.map((id) => found.get(id));
    },
    (id) => this.findOne(id, this.db),
  );

  private findOne(id: string, executor: Executor): Promise<Customer | undefined> {
    return executor.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findMany(ids: string[], executor: Executor = this.db): Promise<Map<string, Customer>> {
    if (ids.length === 0) return new Map();
    const rows = await executor
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', anyOf(ids, 'text'))
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The next customers after `after` (by id) that the condition selects: one keyset page, in id order, read
   * through the primary key, so a whole table is walked page by page without holding it.
   */
  matching(
    executor: Executor,
    page: { where: ConditionSql['where']; after: string | null; limit: number },
  ): Promise<Customer[]> {
    return executor
      .selectFrom('customers')
      .selectAll()
      .$if(page.after !== null, (qb) => qb.where('id', '>', page.after!))
      .where(page.where)
      .orderBy('id')
      .limit(page.limit)
      .execute();
  }

  /**
   * Rewrites the customer's attributes with `change`, under the customer's row lock so that concurrent
   * updates (two journeys incrementing one counter) apply one after the other; returns the row as written.
   */
  async updateAttributes(
    executor: Executor,
    id: string,
    change: (attributes: Record<string, unknown>) => Record<string, unknown>,
    at: Date,
  ): Promise<Customer | undefined> {
    const current = await executor
      .selectFrom('customers')
      .select('attributes')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return undefined;
    return executor
      .updateTable('customers')
      .set({ attributes: JSON.stringify(change(current.attributes)), updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Creates empty customers for ids not seen before (events may name a customer first). */
  async ensureExist(executor: Executor, ids: string[], at: Date): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    // One array parameter (unnest), not three parameters a row: a batch of 1,000 is parsed and planned once.
    await sql`
      insert into customers (id, created_at, updated_at)
      select id, ${at}, ${at} from unnest(${unique}::text[]) as c(id)
      on conflict (id) do nothing`.execute(executor);
  }

  async removePushSubscription(id: string, endpoint: string, at: Date): Promise<void> {
    const customer = await this.find(id);
    if (!customer) return;
    const remaining = customer.push_subscriptions.filter((s) => s.endpoint !== endpoint);
    await this.db
      .updateTable('customers')
      .set({ push_subscriptions: JSON.stringify(remaining), updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** FCM answered UNREGISTERED: the app was uninstalled or the token rotated. */
  async removeFcmToken(id: string, token: string, at: Date): Promise<void> {
    await this.db
      .updateTable('customers')
      .set({ fcm_tokens: sql`fcm_tokens - ${token}::text`, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** Sets one channel's consent on every customer with this E.164 phone (an inbound STOP or START). */
  async setConsentByPhone(phone: string, channel: Channel, value: boolean, at: Date) {
    const rows = await this.db
      .updateTable('customers')
      .set({
        consent: sql`consent || jsonb_build_object(${CHANNELS[channel].consentKey}::text, ${value}::boolean)`,
        updated_at: at,
      })
      .where('phone', '=', phone)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** A message came in from this E.164 phone on `channel`: every customer with it wrote to us at `at`. */
  async recordInbound(phone: string, channel: Channel, at: Date): Promise<string[]> {
    const rows = await this.db
      .updateTable('customers')
      .set({
        last_inbound: sql`last_inbound || jsonb_build_object(${channel}::text, ${at.toISOString()}::text)`,
        updated_at: at,
      })
      .where('phone', '=', phone)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async setConsent(id: string, channel: Channel, value: boolean, at: Date): Promise<void> {
    const customer = await this.find(id);
    if (!customer) return;
    await this.db
      .updateTable('customers')
      .set({
        consent: JSON.stringify({ ...customer.consent, [CHANNELS[channel].consentKey]: value }),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  }
}
