import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.types';

/** Nest token for the shared Kysely instance. */
export const DB = Symbol('DB');
/** Nest token for the DatabaseHandle (kind, close). */
export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/** A query runner: the database itself or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
