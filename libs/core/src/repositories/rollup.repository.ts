import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { DB } from '../database/database.tokens';
import type { Database } from '../database/database.types';
import { ROLLUP_DIMENSIONS } from './rollup-key';

const DIMENSIONS = sql.raw(ROLLUP_DIMENSIONS.join(', '));

/** The touchpoint rollups' upkeep (0011_rollups): folding the deltas that moves append. */
@Injectable()
export class RollupRepository {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /**
   * Moves up to `limit` committed deltas into the hourly and daily rollups; returns how many it moved.
   * One statement deletes them and adds them, so it commits whole or not at all; a delta another fold
   * took first is skipped (locked) or gone (deleted), never added twice.
   */
  async fold(limit = 20_000): Promise<number> {
    const { rows } = await sql<{ moved: number }>`
      with taken as (
        delete from touchpoint_rollup_deltas
        where id in (select id from touchpoint_rollup_deltas order by id limit ${limit} for update skip locked)
        returning hour, ${DIMENSIONS}, n
      ), summed as (
        select p.period,
               case p.period when 'hour' then t.hour
                 else date_trunc('day', t.hour at time zone 'UTC') at time zone 'UTC' end as period_start,
               ${sql.raw(ROLLUP_DIMENSIONS.map((d) => `t.${d}`).join(', '))}, sum(t.n) as n
        from taken t cross join (values ('hour'), ('day')) p(period)
        group by 1, 2, ${sql.raw(ROLLUP_DIMENSIONS.map((_, i) => String(i + 3)).join(', '))}
      ), added as (
        insert into touchpoint_rollups as r (period, period_start, ${DIMENSIONS}, n)
        select * from summed
        -- sorted: two folds touching the same keys lock them in one order
        order by period, period_start, ${DIMENSIONS}
        on conflict (period, period_start, ${DIMENSIONS}) do update set n = r.n + excluded.n
      )
      select count(*)::int as moved from taken`.execute(this.db);
    return rows[0].moved;
  }

  /** Folds until no delta is left (a bulk load, a test); returns how many moved. */
  async foldAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.fold();
      total += moved;
      if (moved === 0) return total;
    }
  }
}
