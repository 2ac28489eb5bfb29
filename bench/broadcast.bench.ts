/**
 * `npm run bench:broadcast`: a broadcast to a million customers. Seeds a fresh PostgreSQL database with
 * BENCH_BROADCAST_MATCHING customers who match (and a tenth as many who do not, interleaved) in one
 * generate_series insert, then runs the real API and worker in this process: starts the broadcast over
 * HTTP, follows it over HTTP until it completes, and prints enrollments per second, the peak RSS of the
 * process, and a check that each matching customer was enrolled exactly once. Not part of the test suite.
 */
import 'reflect-metadata';
import type { Database } from '@touchpoint/core';
import { type Kysely, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { withInProcessApp } from './in-process-app';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number.parseInt(env[name], 10) : fallback);
const MATCHING = int('BENCH_BROADCAST_MATCHING', 1_000_000);
const OTHERS = Math.floor(MATCHING / 10);
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;

const started = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[bench:broadcast ${((performance.now() - started) / 1_000).toFixed(1).padStart(6)}s] ${line}\n`,
  );
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface BroadcastView {
  id: string;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  progress: {
    scanned: number;
    matched: number;
    enrolled: number;
    alreadyEnrolled: number;
    notEligible: number;
  };
}

/** Sampled while the broadcast runs: the most the process held. */
class PeakRss {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 100);
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

async function main(): Promise<void> {
  await withInProcessApp(
    { name: 'broadcast', withWorker: true, adminKey: ADMIN_KEY, progress },
    async ({ base, db }) => {
      await seed(db);
      const rssBefore = process.memoryUsage().rss;
      const peak = new PeakRss();
      const done = await broadcast(base);
      const peakRss = peak.stop();
      const check = await tally(db, done.id);
      const seconds = (Date.parse(done.finishedAt!) - Date.parse(done.createdAt)) / 1_000;
      console.log(
        [
          `customers: ${MATCHING + OTHERS} (${MATCHING} matching)`,
          `broadcast: ${done.progress.enrolled} enrolled in ${seconds.toFixed(1)} s = ${Math.round(done.progress.enrolled / seconds)} enrollments/s`,
          `peak RSS: ${mb(peakRss)} (${mb(rssBefore)} before the broadcast)`,
          `exactly once: ${check.total} enrollments, ${check.customers} customers, ${check.wrong} not matching`,
        ].join('\n'),
      );
      if (check.total !== MATCHING || check.customers !== MATCHING || check.wrong !== 0) {
        process.exitCode = 1;
      }
    },
  );
}

/** Matching: pro customers who agreed to email. Interleaved by id (a hash) with free or unconsenting ones. */
async function seed(db: Kysely<Database>): Promise<void> {
  progress(`seeding ${MATCHING + OTHERS} customers`);
  await sql`
    insert into customers (id, attributes, consent, created_at, updated_at)
    select 'cu-' || md5(g::text),
           jsonb_build_object('plan', case when g <= ${MATCHING} or g % 2 = 0 then 'pro' else 'free' end),
           case when g <= ${MATCHING} or g % 2 = 1 then '{"email": true}'::jsonb else '{"email": false}'::jsonb end,
           now(), now()
    from generate_series(1, ${MATCHING + OTHERS}) g`.execute(db);
  await sql`analyze customers`.execute(db);
  progress('seeded');
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function broadcast(base: string): Promise<BroadcastView> {
  const journey = await call<{ id: string }>(base, 'POST', '/v1/journeys', {
    name: 'Bench broadcast',
    stage: 'retention',
    trigger: { event: 'bench_never_sent' },
    steps: [
      { id: 'later', type: 'wait', duration: 'P1D' },
      { id: 'hello', type: 'send', channel: 'sms', template: { body: 'Hello' } },
    ],
  });
  const started = await call<BroadcastView>(base, 'POST', `/v1/journeys/${journey.id}/broadcasts`, {
    condition: {
      all: [
        { path: 'customer.attributes.plan', op: 'eq', value: 'pro' },
        { path: 'consent.email', op: 'eq', value: true },
      ],
    },
  });
  let lastReport = 0;
  for (;;) {
    const b = await call<BroadcastView>(base, 'GET', `/v1/journeys/${journey.id}/broadcasts/${started.id}`);
    if (b.status !== 'running') return b;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      progress(`enrolled ${b.progress.enrolled} of ${MATCHING}, RSS ${mb(process.memoryUsage().rss)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function tally(db: Kysely<Database>, broadcastId: string) {
  const { rows } = await sql<{ total: string; customers: string; wrong: string }>`
    select count(*) as total, count(distinct e.customer_id) as customers,
           count(*) filter (where not (c.attributes->>'plan' = 'pro' and c.consent->'email' = 'true')) as wrong
    from enrollments e join customers c on c.id = e.customer_id
    where e.broadcast_id = ${broadcastId}`.execute(db);
  return { total: Number(rows[0].total), customers: Number(rows[0].customers), wrong: Number(rows[0].wrong) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
