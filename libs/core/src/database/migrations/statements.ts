import { type Kysely, type Migration, sql } from 'kysely';

/** A migration as a list of statements: PGlite's extended protocol runs one statement per query. */
export const statements = (list: string[]): Migration => ({
  async up(db: Kysely<unknown>) {
    for (const statement of list) await sql.raw(statement).execute(db);
  },
});
