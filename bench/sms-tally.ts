import type { Client } from 'pg';
import type { FakeTwilio, FakeTwilioMessage } from '../tests/fakes/fake-twilio';

/** Each phase's customers have phones under an area code of their own, so one fake serves every phase. */
const AREA = { c: '415', w: '628', s: '510', n: '650', e: '707', v: '408' } as const;
export type Cohort = keyof typeof AREA;

export const customerId = (cohort: Cohort, i: number) => `${cohort}-${i}`;
export const phoneOf = (cohort: Cohort, i: number) => `+1${AREA[cohort]}${String(i).padStart(7, '0')}`;
const cohortOf = (phone: string) => phone.slice(2, 5);

/** What the fake received for one cohort: who got how many, and when each got the first. */
export interface Tally {
  messages: FakeTwilioMessage[];
  first: Map<string, number>;
  perCustomer: Map<string, number>;
  lost: number;
  duplicated: number;
  lastAt: number;
}

export function tally(fake: FakeTwilio, cohort: Cohort, expected: number): Tally {
  const area = AREA[cohort];
  const messages = fake.messages.filter((m) => cohortOf(m.to) === area);
  const first = new Map<string, number>();
  const perCustomer = new Map<string, number>();
  for (const m of messages) {
    const id = `${cohort}-${Number(m.to.slice(5))}`;
    perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
    if (!first.has(id)) first.set(id, m.receivedAt);
  }
  return {
    messages,
    first,
    perCustomer,
    lost: expected - perCustomer.size,
    duplicated: [...perCustomer.values()].filter((n) => n > 1).length,
    lastAt: messages.reduce((a, m) => Math.max(a, m.receivedAt), 0),
  };
}

/**
 * Waits until the cohort has `expected` SMS at the fake, or none came for `stallMs`. Counts incrementally
 * (the fake holds every phase's messages) and reports progress every two seconds.
 */
export async function waitForCohort(
  fake: FakeTwilio,
  cohort: Cohort,
  expected: number,
  stallMs: number,
  progress: (line: string) => void,
): Promise<number> {
  const area = AREA[cohort];
  let seen = 0;
  let count = 0;
  let before = 0;
  let lastChange = Date.now();
  let lastReport = Date.now();
  const started = Date.now();
  for (;;) {
    const all = fake.messages;
    for (; seen < all.length; seen++) if (cohortOf(all[seen].to) === area) count++;
    if (count >= expected) return count;
    const now = Date.now();
    if (count !== before) [before, lastChange] = [count, now];
    if (now - lastChange > stallMs) return count;
    if (now - lastReport > 2_000) {
      lastReport = now;
      progress(
        `  ${cohort}: ${count}/${expected} SMS at the fake after ${((now - started) / 1_000).toFixed(0)} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function pct(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
}

/** For each customer the fake heard from, its first SMS's arrival minus its touchpoint's due time, sorted. */
export async function latenessMs(db: Client, journeyId: string, received: Tally): Promise<number[]> {
  const due = await db.query<{ customer_id: string; scheduled_for: Date }>(
    `select customer_id, scheduled_for from touchpoints where journey_id = $1`,
    [journeyId],
  );
  return due.rows
    .filter((r) => received.first.has(r.customer_id))
    .map((r) => received.first.get(r.customer_id)! - r.scheduled_for.getTime())
    .sort((a, b) => a - b);
}
