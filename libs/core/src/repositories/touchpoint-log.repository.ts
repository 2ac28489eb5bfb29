import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database, Touchpoint, TouchpointChannel, TouchpointStatus } from '../database/database.types';

export interface TouchpointFilter {
  journeyId?: string;
  journeyVersion?: number;
  stepId?: string;
  customerId?: string;
  channel?: TouchpointChannel;
  status?: TouchpointStatus;
  stage?: string;
  from?: Date;
  to?: Date;
}

export interface TouchpointCursor {
  /** A Date, or the exact ISO text of `cursor_at` (PostgreSQL keeps microseconds, a Date does not). */
  createdAt: Date | string;
  id: string;
}

export interface TouchpointWithEvents extends Touchpoint {
  events: { status: TouchpointStatus; at: Date }[];
}

/** A row of the log: `cursor_at` is its created_at to the microsecond, for the next page's cursor. */
export type LoggedTouchpoint = TouchpointWithEvents & { cursor_at: string };

const CURSOR_AT = sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The read side of touchpoints: the log, a touchpoint's detail, a customer's journey map, the export and
 * the counts for /metrics. Nothing here changes a touchpoint; TouchpointRepository makes every move.
 */
@Injectable()
export class TouchpointLogRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * Newest first, keyset-paginated on (created_at, id): every filter has an index ending in that order
   * (0004_analytics), so a page is one index range scan however deep the cursor. `events: false` skips the
   * status trail (the CSV export).
   */
  async list(
    filter: TouchpointFilter,
    limit: number,
    cursor?: TouchpointCursor,
    options: { events?: boolean } = {},
  ): Promise<LoggedTouchpoint[]> {
    let q = this.db.selectFrom('touchpoints').selectAll().select(CURSOR_AT.as('cursor_at'));
    if (filter.journeyId) q = q.where('journey_id', '=', filter.journeyId);
    if (filter.journeyVersion !== undefined) q = q.where('journey_version', '=', filter.journeyVersion);
    if (filter.stepId) q = q.where('step_id', '=', filter.stepId);
    if (filter.customerId) q = q.where('customer_id', '=', filter.customerId);
    if (filter.channel) q = q.where('channel', '=', filter.channel);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.stage) q = q.where('stage', '=', filter.stage);
    if (filter.from) q = q.where('created_at', '>=', filter.from);
    if (filter.to) q = q.where('created_at', '<', filter.to);
    if (cursor) {
      const at = cursor.createdAt instanceof Date ? cursor.createdAt.toISOString() : cursor.createdAt;
      q = q.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${cursor.id}::uuid)`);
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return options.events === false ? rows.map((r) => ({ ...r, events: [] })) : this.withEvents(rows);
  }

  /** One touchpoint with its status trail: the log's detail. */
  async findWithEvents(id: string): Promise<TouchpointWithEvents | undefined> {
    const row = await this.db.selectFrom('touchpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withEvents([row]))[0] : undefined;
  }

  /** One customer's touchpoints, oldest first: their journey map. */
  async listForCustomer(customerId: string, limit: number): Promise<TouchpointWithEvents[]> {
    const rows = await this.db
      .selectFrom('touchpoints')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return this.withEvents(rows);
  }

  private async withEvents<T extends Touchpoint>(rows: T[]): Promise<(T & TouchpointWithEvents)[]> {
    if (rows.length === 0) return [];
    const events = await this.db
      .selectFrom('touchpoint_events')
      .select(['touchpoint_id', 'status', 'at'])
      .where(
        'touchpoint_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    const byId = new Map<string, { status: TouchpointStatus; at: Date }[]>();
    for (const e of events) {
      const list = byId.get(e.touchpoint_id) ?? [];
      list.push({ status: e.status, at: e.at });
      byId.set(e.touchpoint_id, list);
    }
    return rows.map((r) => ({ ...r, events: byId.get(r.id) ?? [] }));
  }

  async countByStatus(): Promise<{ channel: string; status: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('touchpoints')
      .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['channel', 'status'])
      .execute();
    return rows.map((r) => ({ channel: r.channel, status: r.status, n: Number(r.n) }));
  }
}
