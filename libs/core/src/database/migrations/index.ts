import type { Migration } from 'kysely';
import { foundation } from './0001_foundation';

/**
 * Every migration, by name; names sort in the order they run. Add one file per migration
 * (`000N_what.ts`) and one line here; never edit one that has shipped.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
};
