import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { DB, loadConfig, type Database } from '@touchpoint/core';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from '../apps/api/src/create-app';

const env = process.env;
const ADMIN_URL =
  env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface InProcessApp {
  app: INestApplication;
  /** The API's base URL on loopback. */
  base: string;
  db: Kysely<Database>;
  dbName: string;
}

/**
 * Runs `body` against the real API (and the worker, with `withWorker`) in this process, on a fresh
 * PostgreSQL database and a queue prefix of its own; then closes the app and drops the database, unless
 * `keep` (the database is named on stderr so it can be queried afterwards).
 */
export async function withInProcessApp<T>(
  options: {
    name: string;
    withWorker: boolean;
    adminKey: string;
    keep?: boolean;
    progress: (line: string) => void;
  },
  body: (app: InProcessApp) => Promise<T>,
): Promise<T> {
  const suffix = randomBytes(4).toString('hex');
  const dbName = `touchpoint_bench_${options.name}_${suffix}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  options.progress(`database ${dbName}`);

  const config = loadConfig({
    ...env,
    DATABASE_URL: url.toString(),
    ADMIN_API_KEY: options.adminKey,
    QUEUE_PREFIX: `{tp-bench-${options.name}-${suffix}}`,
    LOG_LEVEL: 'silent',
    PORT: '0',
  });
  const app = await createApp({ config, withWorker: options.withWorker });
  try {
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return await body({ app, base, db: app.get<Kysely<Database>>(DB), dbName });
  } finally {
    await app.close().catch((error: unknown) => options.progress(`closing the app: ${String(error)}`));
    if (options.keep) {
      options.progress(`kept database ${dbName}`);
    } else {
      // Let the pool's sessions finish closing: forcing them would make their clients emit errors.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query('select 1 from pg_stat_activity where datname = $1', [dbName]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${dbName} with (force)`);
    }
    await admin.end();
  }
}
