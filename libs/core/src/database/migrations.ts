import { Kysely, Migration, MigrationProvider, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index';

export { MIGRATION_BACKFILLS } from './migrations/backfills';

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
function migratorOf(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new InCodeMigrations(),
    migrationTableName: 'schema_migrations',
    // Parallel work lands migrations out of number order (0008 before 0007): a database that ran the
    // later one still takes the earlier one when it arrives, instead of refusing to start.
    allowUnorderedMigrations: true,
  });
}

/** Brings the schema up to `name` only: tests of a migration run it over rows written before it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await migratorOf(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Brings the schema up to date; safe to run from several processes at once (Kysely takes a lock). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migratorOf(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
