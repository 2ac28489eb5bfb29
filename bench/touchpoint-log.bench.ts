/**
 * `npm run bench:log`: the touchpoint log, its export and the console's reports at five million touchpoints.
 * Seeds a fresh PostgreSQL database (BENCH_LOG_ROWS touchpoints with enrollments, status trails, survey
 * answers and goal events) inside PostgreSQL with generate_series, secondary indexes dropped during the
 * load and rebuilt after, as a bulk load should, and the report rollups backfilled once; then times the
 * real API over HTTP and prints p50/p95 per call. Not part of the test suite.
 */
import 'reflect-metadata';
import type { Database } from '@touchpoint/core';
import { type Kysely, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { withInProcessApp } from './in-process-app';
import { backfillRollups, seedScaleLog, type ScaleLog } from './log-seed';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number.parseInt(env[name], 10) : fallback);
const ROWS = int('BENCH_LOG_ROWS', 5_000_000);
const RUNS = int('BENCH_LOG_RUNS', 50);
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const BULK_TABLES = ['touchpoints', 'touchpoint_events', 'enrollments', 'events'];

const started = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[bench:log ${((performance.now() - started) / 1_000).toFixed(1).padStart(6)}s] ${line}\n`,
  );

interface Row {
  call: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  await withInProcessApp(
    { name: 'log', withWorker: false, adminKey: ADMIN_KEY, keep: Boolean(env.BENCH_LOG_KEEP), progress },
    async ({ base, db }) => {
      const seeded = await bulkLoad(db);
      const table = await measure(base, db, seeded);
      printTable(table);
    },
  );
}

/** The seed, with the secondary indexes of the bulk-loaded tables rebuilt once at the end. */
async function bulkLoad(db: Kysely<Database>): Promise<ScaleLog> {
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = 'public' and i.tablename = any(${BULK_TABLES}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  progress(`seeding ${ROWS.toLocaleString('en')} touchpoints with enrollments, status trails and answers`);
  const log = await seedScaleLog(db, ROWS, progress);
  progress(`rebuilding ${indexes.length} indexes`);
  for (const index of indexes) await sql.raw(index.definition).execute(db);
  for (const t of BULK_TABLES) await sql`vacuum analyze ${sql.table(t)}`.execute(db);
  progress('backfilling the report rollups');
  await backfillRollups(db);
  await sql`vacuum analyze touchpoint_rollups`.execute(db);
  await sql`vacuum analyze conversions`.execute(db);
  // The backfill marked converted enrollments: vacuum again, as autovacuum would, for index-only reads.
  await sql`vacuum analyze enrollments`.execute(db);
  progress('seeded and analyzed');
  return log;
}

async function measure(base: string, db: Kysely<Database>, log: ScaleLog): Promise<Row[]> {
  const get = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - t, body };
  };
  const time = async (call: string, paths: () => string, runs = RUNS): Promise<Row> => {
    for (let i = 0; i < Math.min(5, runs); i++) await get(paths());
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push((await get(paths())).ms);
    ms.sort((a, b) => a - b);
    const row = { call, runs, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1] };
    progress(`${call}: p50 ${row.p50.toFixed(1)} ms`);
    return row;
  };
  const journey = log.journeyIds[0];
  const { rows: customers } = await sql<{ customer_id: string }>`
    select customer_id from touchpoints tablesample system (0.1) limit 200`.execute(db);
  const sample = () => customers[Math.floor(Math.random() * customers.length)];
  const newest = log.newest.getTime();
  const day = 86_400_000;
  // A cursor half way down the log: keyset pages cost the same at any depth.
  const middle = new Date((log.newest.getTime() + log.oldest.getTime()) / 2).toISOString();
  const deep = JSON.parse((await get(`/v1/touchpoints?limit=1&to=${middle}`)).body) as { nextCursor: string };
  const lastWeek = `from=${new Date(newest - 7 * day).toISOString()}&to=${new Date(newest).toISOString()}`;
  const rows: Row[] = [
    await time('log, no filter, first page (50)', () => '/v1/touchpoints'),
    await time('log, no filter, a page half way down', () => `/v1/touchpoints?cursor=${deep.nextCursor}`),
    await time('log, journeyId', () => `/v1/touchpoints?journeyId=${journey}`),
    await time(
      'log, journeyId + journeyVersion',
      () => `/v1/touchpoints?journeyId=${journey}&journeyVersion=1`,
    ),
    await time('log, journeyId + stepId', () => `/v1/touchpoints?journeyId=${journey}&stepId=push-1`),
    await time('log, customerId', () => `/v1/touchpoints?customerId=${sample().customer_id}`),
    await time('log, channel=push', () => '/v1/touchpoints?channel=push'),
    await time('log, status=unknown (1%)', () => '/v1/touchpoints?status=unknown'),
    await time('log, stage=advocacy', () => '/v1/touchpoints?stage=advocacy'),
    await time('log, from/to (one day, 3 days back)', () => {
      const to = new Date(newest - 3 * day);
      return `/v1/touchpoints?from=${new Date(to.getTime() - day).toISOString()}&to=${to.toISOString()}`;
    }),
    await time(
      'log, journeyId + channel + status',
      () => `/v1/touchpoints?journeyId=${journey}&channel=email&status=clicked`,
    ),
    await time('log, limit=500', () => '/v1/touchpoints?limit=500'),
    await time(
      `stats, one journey (~${Math.round(ROWS / 8 / 1000)}k touchpoints)`,
      () => `/v1/journeys/${journey}/stats`,
      20,
    ),
    await time(
      'stats, one journey, last 7 days',
      () => `/v1/journeys/${journey}/stats?from=${new Date(newest - 7 * day).toISOString()}`,
      20,
    ),
    await time('journey report, all time', () => `/v1/journeys/${journey}/report`, 20),
    await time('journey report, last 7 days', () => `/v1/journeys/${journey}/report?${lastWeek}`, 20),
    await time('overview, 30 days (default)', () => '/v1/analytics/overview', 20),
    await time('analytics/stages, 30 days', () => '/v1/analytics/stages', 20),
    await time('series, 30 days, all journeys', () => '/v1/analytics/series', 20),
    await time('failure reasons, 30 days', () => '/v1/analytics/failures', 20),
    await time('NPS per week, 90 days', () => '/v1/analytics/nps', 20),
    await time(
      'NPS answers, detractors, first page',
      () => '/v1/analytics/nps/answers?category=detractor',
      20,
    ),
    await time('customer journey map', () => `/v1/customers/${sample().customer_id}/journey-map`, 20),
  ];

  // The whole log as CSV. Memory: the heap after a full GC, sampled during the export, should not grow
  // with the rows (RSS alone mostly shows how lazily V8 collects garbage).
  const gc = (globalThis as { gc?: () => void }).gc;
  const heapNow = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBefore = heapNow();
  let heapMax = heapBefore;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => {
    heapMax = Math.max(heapMax, heapNow());
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 2_000);
  const t = performance.now();
  // Everything with BENCH_LOG_EXPORT_ALL (minutes at five million rows), else one journey's last week.
  const exported = env.BENCH_LOG_EXPORT_ALL ? '' : `&journeyId=${journey}&${lastWeek}`;
  const res = await fetch(`${base}/v1/touchpoints/export?format=csv${exported}`, {
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  });
  let lines = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 0x0a) lines++;
  }
  clearInterval(sampler);
  const ms = performance.now() - t;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  progress(
    `export: ${(lines - 1).toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s; heap after GC ` +
      `${mib(heapBefore)} → at most ${mib(heapMax)}${gc ? '' : ' (run with --expose-gc)'}; RSS ${mib(rssBefore)} → ${mib(rssMax)}`,
  );
  rows.push({
    call: `export CSV, ${(lines - 1).toLocaleString('en')} rows (heap after GC +${mib(heapMax - heapBefore)})`,
    runs: 1,
    p50: ms,
    p95: ms,
    max: ms,
  });
  const total = await db
    .selectFrom('touchpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  progress(`${Number(total.n).toLocaleString('en')} touchpoints in the database`);
  return rows;
}

function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.call.length));
  const num = (n: number) => n.toFixed(1).padStart(9);
  const lines = [
    `touchpoint log benchmark: ${ROWS.toLocaleString('en')} touchpoints, times in ms over HTTP`,
    `${'call'.padEnd(width)}  ${'runs'.padStart(4)}  ${'p50'.padStart(9)}  ${'p95'.padStart(9)}  ${'max'.padStart(9)}`,
    ...rows.map(
      (r) =>
        `${r.call.padEnd(width)}  ${String(r.runs).padStart(4)}  ${num(r.p50)}  ${num(r.p95)}  ${num(r.max)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
