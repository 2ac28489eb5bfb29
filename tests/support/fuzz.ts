import type { Database } from '@touchpoint/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { pathExistsIn } from './hostile-json';
import type { ApiResponse, TouchpointHarness } from './touchpoint-harness';

/**
 * Runs per property: small enough that every fuzz file stays well under a minute in CI. `FUZZ_RUNS` runs
 * more locally; `FUZZ_SEED` (with the `path` fast-check printed) replays a failure.
 */
export function fuzzOptions(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return {
    numRuns: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : numRuns,
    ...(seed !== undefined && { seed, path: process.env.FUZZ_PATH }),
    // Shrinking replays requests against one database; a short, printed counterexample is enough.
    endOnFailure: !process.env.FUZZ_SHRINK,
    verbose: 1,
  };
}

/** Per property test: its bounded runs take seconds; a slow CI machine gets the room it needs. */
export const FUZZ_TIMEOUT = 180_000;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** The promise every answer to a hostile request keeps: no 5xx, and a 4xx is a problem naming what is wrong. */
export function expectNoServerError(res: ApiResponse, request: unknown, what: string): void {
  expect(
    res.status,
    `${what} answered ${res.status}: ${JSON.stringify(res.body)?.slice(0, 500)}`,
  ).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
  const problem = res.body as Problem;
  expect(problem.status, what).toBe(res.status);
  if (res.status === 400) {
    expect(problem.errors?.length, `${what}: a 400 names at least one field`).toBeGreaterThan(0);
    for (const error of problem.errors ?? []) {
      expect(pathExistsIn(request, error.path), `${what}: "${error.path}" is not in the request`).toBe(true);
    }
  }
}

/** Row counts of the tables a request could write, in one round trip, to show that a refused one wrote nothing. */
export async function rowCounts(
  tp: TouchpointHarness,
  tables: (keyof Database)[],
): Promise<Record<string, number>> {
  const counts = sql.join(
    tables.map((table) => sql`(select count(*) from ${sql.table(table)})::int as ${sql.ref(table)}`),
  );
  const { rows } = await sql<Record<string, number>>`select ${counts}`.execute(tp.db);
  return rows[0];
}
