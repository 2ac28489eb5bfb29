import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
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
  /** How long a query waits for a connection before it fails (the server down, the pool exhausted). */
  connectTimeoutMs?: number;
  /** An idle connection the server ended (a restart, a failover): it leaves the pool, and is told here. */
  onIdleError?: (error: Error) => void;
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
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Unbounded by default: with the server down a request would wait for ever instead of failing.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    });
    // Without listeners, the server ending a connection (a restart, a failover) would crash the process:
    // the pool's for connections in it, each client's for one checked out between two statements. A query
    // running then fails on its own, and the broken client is dropped when released.
    const onError = (error: Error) => options.onIdleError?.(error);
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
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

/** One round trip to the database and nothing else: what a health probe measures. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
