/**
 * Errors that say a dependency is away (PostgreSQL restarting, Redis unreachable), not that the request or
 * the code is wrong: the caller should try again shortly, and a worker should hold its job, not spend an
 * attempt on it.
 */
export type Dependency = 'database' | 'redis';

/** SQLSTATE classes of an unreachable or stopping server: 08 connection exception, 57P operator intervention
 * (shutdown, crash, cannot connect now), 53300 too many connections. */
const PG_UNAVAILABLE = /^(08|57P0[1-4]|53300)/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: Dependency,
    message = `${dependency} did not answer in time`,
  ) {
    super(message);
  }
}

/** Which dependency `error` says is away, if it says one is. */
export function unavailableDependency(error: unknown): Dependency | undefined {
  if (error instanceof DependencyUnavailableError) return error.dependency;
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && PG_UNAVAILABLE.test(code)) return 'database';
  if (PG_MESSAGES.some((m) => error.message.includes(m))) return 'database';
  if (error.name === 'MaxRetriesPerRequestError' || error.message === 'Connection is closed.') return 'redis';
  // A refused or reset socket without more to go on: pg and ioredis both surface these; the database is
  // the one a request cannot do without (Redis-bound steps are bounded and left to the reconciler).
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'database';
  if (error.cause) return unavailableDependency(error.cause);
  return undefined;
}
