import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { ROLLUP_BACKFILL } from './0011_rollups';
import { backfillConversions } from './0012_conversions';
import { BACKFILL_ENROLLMENT_CONVERSIONS } from './0017_enrollment_conversions';
import { KEYS_BACKFILL } from './0019_partitions';

/**
 * What the migrations derive from rows already there, for tools that load rows in bulk with the triggers
 * off (the benches' seed) and for tests proving that the worker's upkeep and a migration's backfill agree.
 * Each runs the statement its migration ran.
 */
export const MIGRATION_BACKFILLS = {
  /** 0011: every touchpoint counted into the hour and day rollups (onto empty rollup tables). */
  rollups: <DB>(db: Kysely<DB>) => sql.raw(ROLLUP_BACKFILL).execute(db),
  /** 0012: every goal event attributed to its touchpoint, once. */
  conversions: <DB>(db: Kysely<DB>) => backfillConversions(db),
  /** 0017: every enrollment's first goal event within its window, from the events there already. */
  enrollmentConversions: <DB>(db: Kysely<DB>) => sql.raw(BACKFILL_ENROLLMENT_CONVERSIONS).execute(db),
  /** 0019: the never-twice and one-answer keys of every touchpoint (onto empty key tables). */
  touchpointKeys: async <DB>(db: Kysely<DB>) => {
    for (const statement of KEYS_BACKFILL) await sql.raw(statement).execute(db);
  },
};
