import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';

/** The partitioned tables of the touchpoint log (0019_partitions, which keeps its own frozen copy). */
export type PartitionedTable = 'touchpoints' | 'touchpoint_events';

/** This month and the next three are kept created, so no row waits in the default partition. */
export const MONTHS_AHEAD = 3;

/** One month's partition (or the default one) of a log table. */
export interface TouchpointPartition {
  table: PartitionedTable;
  name: string;
  /** `2026-12`, or null for the default partition. */
  month: string | null;
  /** The planner's estimate, free to read (an exact count reads the whole month). */
  estimatedRows: number;
}

/** `2026-12` for a date in December 2026, in UTC. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

/** The first instant of `month` (`2026-12`) plus `add` months, in UTC. */
export function monthStart(month: string, add = 0): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + add, 1));
}

/**
 * The monthly partitions of `touchpoints` and `touchpoint_events` (0019): adding the months ahead, listing
 * them, reading a month out and detaching it. A detach fires no trigger, so the rollups keep what was counted.
 */
@Injectable()
export class TouchpointPartitionRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** Adds the months from `now`'s through MONTHS_AHEAD after it where missing; returns those added. */
  async addMonthsAhead(now: Date, ahead = MONTHS_AHEAD): Promise<string[]> {
    const added: string[] = [];
    for (let i = 0; i <= ahead; i++) {
      const month = monthOf(monthStart(monthOf(now), i));
      if (await this.addMonth(month)) added.push(month);
    }
    return added;
  }

  /** Adds one month's partitions (`2026-12`) if missing, moving its rows out of the default partition. */
  async addMonth(month: string): Promise<boolean> {
    const { rows } = await sql<{ added: boolean }>`
      select touchpoint_log_add_month(${`${month}-01`}::date) as added`.execute(this.db);
    return rows[0].added;
  }

  /** Every partition attached to the log's tables, oldest month first, the default ones last. */
  async list(): Promise<TouchpointPartition[]> {
    const { rows } = await sql<{ table: PartitionedTable; name: string; estimated: number }>`
      select p.relname as table, c.relname as name, greatest(c.reltuples, 0)::float8 as estimated
        from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
       where i.inhparent in ('touchpoints'::regclass, 'touchpoint_events'::regclass)
       order by p.relname desc, c.relname`.execute(this.db);
    return rows.map((r) => {
      const found = /_(\d{4})_(\d{2})$/.exec(r.name);
      return {
        table: r.table,
        name: r.name,
        month: found ? `${found[1]}-${found[2]}` : null,
        estimatedRows: Number(r.estimated),
      };
    });
  }

  /**
   * Up to `limit` rows of one partition after `after` (its primary key's first column, an id), in id order:
   * an export reads a month in pages of a few thousand rows, never the whole month at once.
   */
  async page(
    partition: TouchpointPartition,
    after: string | number | null,
    limit: number,
  ): Promise<Record<string, unknown>[]> {
    const table = sql.table(partition.name);
    const from = after === null ? sql`true` : sql`id > ${after}`;
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${table} where ${from} order by id limit ${limit}`.execute(this.db);
    return rows;
  }

  /** The columns of a log table, in their order: an archive's header, even for an empty month. */
  async columnsOf(table: PartitionedTable): Promise<string[]> {
    const { rows } = await sql<{ name: string }>`
      select attname as name from pg_attribute
       where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
       order by attnum`.execute(this.db);
    return rows.map((r) => r.name);
  }

  /** Detaches a partition: it stays as a table of its own, out of every read and of the rollups' triggers. */
  async detach(partition: TouchpointPartition): Promise<void> {
    await sql`alter table ${sql.table(partition.table)} detach partition ${sql.table(partition.name)}`.execute(
      this.db,
    );
  }

  /** Drops a detached partition's table. */
  async drop(partition: TouchpointPartition): Promise<void> {
    await sql`drop table ${sql.table(partition.name)}`.execute(this.db);
  }
}
