import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import type { Database } from './database.types';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** `postgres` on a server, `pglite` embedded. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** Called with each statement's SQL as it completes (transaction BEGIN and COMMIT included): a counter. */
  onStatement?: (sql: string) => void;
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite under DATA_DIR: the same SQL runs on both. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const onStatement = options.onStatement;
  const log = onStatement
    ? (event: LogEvent) => {
        if (event.level === 'query') onStatement(event.query.sql);
      }
    : undefined;
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = path.resolve(options.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
