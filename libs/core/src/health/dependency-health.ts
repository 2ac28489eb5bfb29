import type { RedisClient } from '../queue/redis-connection';
import type { Kysely } from 'kysely';
import { pingDatabase } from '../database/database';
import type { Database } from '../database/database.types';

export type DependencyState = 'up' | 'down';

export interface DependencyHealth {
  ok: boolean;
  redis: DependencyState;
  database: DependencyState;
}

/** `up` when the work settles within `ms`, `down` when it fails or takes longer. */
function probe(ms: number, work: () => Promise<unknown>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([work(), timeout])
    .then(() => 'up' as const)
    .catch(() => 'down' as const)
    .finally(() => clearTimeout(timer));
}

/** Can this process reach Redis and the database? Each answers within `timeoutMs` or counts as down. */
export async function checkDependencies(
  db: Kysely<Database>,
  redis: RedisClient,
  timeoutMs = 1_000,
): Promise<DependencyHealth> {
  const [redisState, database] = await Promise.all([
    probe(timeoutMs, () => redis.ping()),
    probe(timeoutMs, () => pingDatabase(db)),
  ]);
  return { ok: redisState === 'up' && database === 'up', redis: redisState, database };
}
