/**
 * Ingest A/B: the API and two workers of each build given (INGEST_AB_BUILDS, comma-separated build dirs),
 * each stack on a database and queue prefix of its own, then rounds that alternate between the stacks:
 * 20,000 customers abandon carts (20 POSTs of 1,000, four in flight, while the workers enroll them), then
 * 20,000 events no journey listens to, one POST at a time. Each round waits for the workers to be idle.
 * Prints one line per round and stack: the rates, the CPU ms per 1,000 events of the API, the workers and
 * the database's backends (to idle; carts, then events no journey wants), and the load average. Uses the shared Redis and PostgreSQL.
 *
 * Build each commit to compare into a folder of its own (`node scripts/build.mjs --out-dir DIR --also bench
 * --also tests/fakes --also tests/support`, from a checkout of that commit), then
 * `INGEST_AB_BUILDS=DIR_A,DIR_B INGEST_AB_ROUNDS=4 node DIR_B/bench/ingest-ab.js`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { freePort, ServiceProcess } from '../tests/support/process-stack';
import { BenchHttp, cartJourney } from './bench-http';

const env = process.env;
const BUILDS = (env.INGEST_AB_BUILDS ?? '').split(',').filter(Boolean);
const ROUNDS = Number(env.INGEST_AB_ROUNDS ?? 4);
const COUNT = Number(env.INGEST_AB_EVENTS ?? 20_000);
const ADMIN = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEY = `ab-admin-${randomBytes(8).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stack {
  build: string;
  database: string;
  http: BenchHttp;
  db: Client;
  services: ServiceProcess[];
  drop: () => Promise<void>;
}

async function startStack(build: string): Promise<Stack> {
  const name = `touchpoint_ab_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const port = await freePort();
  const common = {
    NODE_ENV: 'production',
    REDIS_URL: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ADMIN_API_KEY: KEY,
    LOG_LEVEL: 'warn',
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `{tp-ab-${randomBytes(3).toString('hex')}}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  };
  const onLine = (line: string) => /"level":(50|60)/.test(line) && process.stderr.write(`${line}\n`);
  const api = ServiceProcess.spawn('api', 'api', {
    buildDir: build,
    env: { ...common, PORT: String(port) },
    onLine,
  });
  await api.waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
  const workers: ServiceProcess[] = [];
  for (let i = 0; i < 2; i++) {
    const w = ServiceProcess.spawn('worker', `worker-${i}`, {
      buildDir: build,
      env: { ...common, WORKER_HTTP_PORT: String(await freePort()) },
      onLine,
    });
    workers.push(w);
  }
  await Promise.all(workers.map((w) => w.waitForLine('Touchpoint worker running', 60_000)));
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const http = new BenchHttp(`http://127.0.0.1:${port}`, KEY);
  // A day's wait: the carts are enrolled while the batches come in, and nothing is sent meanwhile.
  await http.createJourney(cartJourney('cart_abandoned', 'P1D'));
  return {
    build,
    database: name,
    http,
    db,
    services: [api, ...workers],
    drop: async () => {
      await db.end();
      const c = new Client({ connectionString: ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function bodies(prefix: string, name: string): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < COUNT; i += 1_000) {
    out.push({
      events: Array.from({ length: Math.min(1_000, COUNT - i) }, (_, k) => ({
        id: `${name}-${prefix}-${i + k}`,
        customerId: `${prefix}-${i + k}`,
        name,
        properties: { cartValue: 129.5, cartUrl: `https://shop.example/cart/${i + k}` },
      })),
    });
  }
  return out;
}

async function post(stack: Stack, list: unknown[], inFlight: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < list.length) await stack.http.post('/v1/events', list[next++], 202);
    }),
  );
  return COUNT / ((performance.now() - t0) / 1_000);
}

async function idle(stack: Stack): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { rows } = await stack.db.query<{ n: string }>(
      'select count(*) as n from events where processed_at is null',
    );
    if (rows[0].n === '0') return;
    await sleep(200);
  }
}

/** CPU milliseconds a process has used (user + system), 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / 100;
  } catch {
    return 0;
  }
}

/** CPU ms of the API, of the workers, and of the PostgreSQL backends serving this stack's database. */
async function cpu(stack: Stack): Promise<{ api: number; workers: number; pg: number }> {
  const { rows } = await stack.db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1',
    [stack.database],
  );
  const [api, ...workers] = stack.services;
  return {
    api: cpuMs(api.pid),
    workers: workers.reduce((n, w) => n + cpuMs(w.pid), 0),
    pg: rows.reduce((n, r) => n + cpuMs(r.pid), 0),
  };
}

async function main(): Promise<void> {
  const stacks: Stack[] = [];
  for (const build of BUILDS) stacks.push(await startStack(build));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? stacks : [...stacks].reverse();
      for (const stack of order) {
        const prefix = `r${round}`;
        await stack.db.query(
          `insert into customers (id, phone, locale, timezone, attributes, consent, created_at, updated_at)
           select $1 || '-' || i, '+1415' || lpad(i::text, 7, '0'), 'en', 'UTC', '{}', '{"sms":true}', now(), now()
           from generate_series(0, $2 - 1) as i`,
          [prefix, COUNT],
        );
        await sleep(500);
        const load0 = loadavg()[0];
        const before = await cpu(stack);
        const four = await post(stack, bodies(prefix, 'cart_abandoned'), 4);
        await idle(stack);
        const after = await cpu(stack);
        const per = (k: 'api' | 'workers' | 'pg') => (((after[k] - before[k]) * 1_000) / COUNT).toFixed(0);
        const serial = await post(stack, bodies(prefix, 'page_viewed'), 1);
        await idle(stack);
        const end = await cpu(stack);
        const perSerial = (k: 'api' | 'workers' | 'pg') => (((end[k] - after[k]) * 1_000) / COUNT).toFixed(0);
        console.log(
          `round ${round} ${stack.build.split('/').pop()}: 4 in flight ${four.toFixed(0)}/s, serial ${serial.toFixed(0)}/s, ` +
            `CPU ms per 1,000 carts: api ${per('api')}, workers ${per('workers')}, pg ${per('pg')}; ` +
            `per 1,000 events no journey wants: api ${perSerial('api')}, workers ${perSerial('workers')}, ` +
            `pg ${perSerial('pg')}; load ${load0.toFixed(2)}`,
        );
      }
    }
  } finally {
    for (const stack of stacks) {
      await Promise.all(stack.services.map((s) => s.stop(10_000)));
      await stack.drop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
