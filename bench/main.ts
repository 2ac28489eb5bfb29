/**
 * `npm run bench`: the real API and workers as separate processes on a fresh PostgreSQL database and Redis,
 * sending SMS through the real Twilio SDK to a local fake Twilio that runs in this process. Progress goes to
 * stderr; the last line on stdout is one JSON object with the figures (see BENCH.md).
 */
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { FakeTwilio } from '../tests/fakes/fake-twilio';
import { freePort, ServiceProcess } from '../tests/support/process-stack';
import { summarizeCpuProfile } from './cpu-profile';
import { rawBullmqJobsPerS } from './raw-bullmq';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

const CUSTOMERS = int('BENCH_CUSTOMERS', 20_000);
const WAITING = int('BENCH_WAITING', 100_000);
const BATCH = 1_000;
const POSTS_IN_FLIGHT = int('BENCH_POSTS_IN_FLIGHT', 4);
const WORKERS = int('BENCH_WORKERS', 2);
const RAW_JOBS = int('BENCH_RAW_JOBS', 30_000);
const WAIT_MS = 5_000;
/** No new SMS for this long and the send phase is over, whatever is missing. */
const STALL_MS = int('BENCH_STALL_MS', 30_000);
/** The whole run stops by itself after this, whatever state it is in. */
const DEADLINE_MS = int('BENCH_DEADLINE_MS', 8 * 60_000);
const CPU_PROF_DIR = env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : undefined;
const ADMIN_KEY = `bench-admin-${randomBytes(12).toString('hex')}`;
const TWILIO = {
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
};
const BUILD_DIR = path.resolve(__dirname, '..');

const started = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1_000).toFixed(1).padStart(6)}s] ${line}\n`,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Cleanup {
  services: ServiceProcess[];
  redis?: ChildProcess;
  dropDatabase?: () => Promise<void>;
  fake?: FakeTwilio;
}
const cleanup: Cleanup = { services: [] };

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    progress(`deadline of ${DEADLINE_MS} ms reached: stopping`);
    void shutdown().finally(() => process.exit(2));
  }, DEADLINE_MS);
  watchdog.unref();

  const redisUrl = await startRedis();
  const databaseUrl = await createDatabase();
  const prefix = `{tp-bench-${randomBytes(3).toString('hex')}}`;

  progress(`raw BullMQ baseline: ${RAW_JOBS} no-op jobs, addBulk, concurrency 50`);
  const raw = await rawBullmqJobsPerS(redisUrl, `{bench-raw}`, RAW_JOBS);
  progress(`raw BullMQ: ${raw.toFixed(0)} jobs/s`);

  const fake = await FakeTwilio.start(TWILIO);
  cleanup.fake = fake;
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const serviceEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
    PUBLIC_BASE_URL: apiUrl,
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM: '+14155550000',
    TWILIO_API_BASE_URL: fake.url,
    // The engine is measured, not a long code's 1 message a second: the fake takes whatever it is sent.
    SMS_RATE_PER_SECOND: '1000000',
    ...pick(
      env,
      /^(NODE_OPTIONS|DATABASE_POOL_SIZE|DB_POOL_SIZE|SCHEDULER_TICK_MS|SCHEDULE_HORIZON_MS|WORKER_.*|SMS_.*|TWILIO_RATE.*)$/,
    ),
  };
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });
  const onLine = (line: string) => {
    if (/"level":(50|60)|Error|error/.test(line)) progress(line.slice(0, 400));
  };
  const api = ServiceProcess.spawn('api', 'api', {
    buildDir: BUILD_DIR,
    env: { ...serviceEnv, PORT: String(apiPort) },
    nodeArgs,
    onLine,
  });
  cleanup.services.push(api);
  await api.waitForHttp(`${apiUrl}/health`);
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    ServiceProcess.spawn('worker', `worker-${i + 1}`, {
      buildDir: BUILD_DIR,
      env: serviceEnv,
      nodeArgs,
      onLine,
    }),
  );
  cleanup.services.push(...workers);
  await Promise.all(workers.map((w) => w.waitForLine('Touchpoint worker running')));
  progress(`api on ${apiUrl}, ${WORKERS} worker(s), fake Twilio on ${fake.url}`);

  const http = new HttpClient(apiUrl, ADMIN_KEY);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();

  // Phase 1: carts abandoned by CUSTOMERS customers, a 5 s wait, one SMS each.
  const cart = await http.createJourney({
    name: 'Bench cart SMS',
    stage: 'decision',
    trigger: { event: 'cart_abandoned' },
    exitOn: ['order_completed'],
    steps: [
      { id: 'wait', type: 'wait', duration: 'PT5S' },
      {
        id: 'sms',
        type: 'send',
        channel: 'sms',
        template: {
          body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}",
        },
      },
    ],
  });
  await seedCustomers(db, 'c', CUSTOMERS);
  progress(
    `seeded ${CUSTOMERS} customers; posting ${CUSTOMERS} cart_abandoned events in batches of ${BATCH}`,
  );
  const counters = new Counters(db, redisUrl);
  await counters.start();
  const ingest = await postEvents(http, 'c', 'cart_abandoned', CUSTOMERS);
  progress(`ingest: ${ingest.perS.toFixed(0)} events/s (${ingest.accepted} accepted)`);

  const phones = new Map<string, string>();
  for (let i = 0; i < CUSTOMERS; i++) phones.set(phoneOf('c', i), `c-${i}`);
  const sent = await waitForSms(fake, phones, CUSTOMERS);
  await sleep(3_000); // late duplicates (a retry, a re-delivered job) would land now
  const received = fake.messages.filter((m) => phones.has(m.to));
  const firstSms = new Map<string, number>();
  const perCustomer = new Map<string, number>();
  for (const m of received) {
    const c = phones.get(m.to)!;
    perCustomer.set(c, (perCustomer.get(c) ?? 0) + 1);
    if (!firstSms.has(c)) firstSms.set(c, m.receivedAt);
  }
  const lost = CUSTOMERS - perCustomer.size;
  const duplicated = [...perCustomer.values()].filter((n) => n > 1).length;
  const due = await db.query<{ customer_id: string; scheduled_for: Date }>(
    `select customer_id, scheduled_for from touchpoints where journey_id = $1`,
    [cart.id],
  );
  const lateness = due.rows
    .filter((r) => firstSms.has(r.customer_id))
    .map((r) => firstSms.get(r.customer_id)! - r.scheduled_for.getTime())
    .sort((a, b) => a - b);
  const unknown = Number(
    (await db.query<{ n: string }>(`select count(*) as n from touchpoints where status = 'unknown'`)).rows[0]
      .n,
  );
  progress(`work per message: ${await counters.perMessage(received.length)}`);
  const lastSms = Math.max(...received.map((m) => m.receivedAt));
  // End to end: from the first POST to the last SMS at the provider, less the journey's own wait.
  const sendsPerS = received.length / Math.max(0.001, (lastSms - ingest.startedAt - WAIT_MS) / 1_000);
  progress(
    `sends: ${received.length} SMS, ${sendsPerS.toFixed(0)}/s end to end; lateness p50 ${pct(lateness, 0.5)} ms, ` +
      `p99 ${pct(lateness, 0.99)} ms, max ${lateness.at(-1)} ms; lost ${lost}, duplicated ${duplicated}, unknown ${unknown}` +
      (sent < CUSTOMERS ? ` (stopped waiting at ${sent})` : ''),
  );

  // Phase 2: WAITING customers enter a 3-day wait; Redis should not hold them.
  let redisBytesPerWaitingStep: number | null = null;
  if (WAITING > 0) {
    const waitJourney = await http.createJourney({
      name: 'Bench 3-day reminder',
      stage: 'retention',
      trigger: { event: 'browse_abandoned' },
      steps: [
        { id: 'wait', type: 'wait', duration: 'P3D' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Still thinking it over?' } },
      ],
    });
    await seedCustomers(db, 'w', WAITING);
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    await waitForIdleQueues(redis, prefix);
    const before = await usedMemory(redis);
    progress(`seeded ${WAITING} more customers; Redis used_memory ${before} B; posting browse_abandoned`);
    const waitIngest = await postEvents(http, 'w', 'browse_abandoned', WAITING);
    progress(`ingest (phase 2): ${waitIngest.perS.toFixed(0)} events/s`);
    const deadline = Date.now() + 180_000;
    let waiting = 0;
    while (Date.now() < deadline) {
      waiting = Number(
        (
          await db.query<{ n: string }>(
            `select count(*) as n from scheduled_steps s join enrollments e on e.id = s.enrollment_id
              where e.journey_id = $1 and s.status in ('waiting', 'queued')`,
            [waitJourney.id],
          )
        ).rows[0].n,
      );
      if (waiting >= WAITING) break;
      progress(`waiting steps: ${waiting}/${WAITING}`);
      await sleep(1_000);
    }
    await waitForIdleQueues(redis, prefix);
    const after = await usedMemory(redis);
    redisBytesPerWaitingStep = (after - before) / Math.max(1, waiting);
    progress(
      `${waiting} steps waiting 3 days; Redis used_memory ${after} B (${after - before} B more): ` +
        `${redisBytesPerWaitingStep.toFixed(1)} B per waiting step`,
    );
    await redis.quit();
  }
  await db.end();

  await shutdown();
  if (CPU_PROF_DIR) {
    for (const file of readdirSync(CPU_PROF_DIR).filter((f) => f.endsWith('.cpuprofile')))
      progress(summarizeCpuProfile(path.join(CPU_PROF_DIR, file)));
  }
  const result = {
    rawBullmqJobsPerS: Math.round(raw),
    ingestEventsPerS: Math.round(ingest.perS),
    sendsPerS: Math.round(sendsPerS),
    sendRatio: Number((sendsPerS / raw).toFixed(3)),
    latenessP50Ms: pct(lateness, 0.5),
    latenessP99Ms: pct(lateness, 0.99),
    redisBytesPerWaitingStep:
      redisBytesPerWaitingStep === null ? null : Math.max(0, Math.round(redisBytesPerWaitingStep)),
    unknown,
    lost,
    duplicated,
  };
  clearTimeout(watchdog);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function pick(source: NodeJS.ProcessEnv, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => pattern.test(e[0]) && e[1] !== undefined),
  );
}

function pct(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
}

const phoneOf = (prefix: string, i: number) =>
  `+1${prefix === 'c' ? '415' : '628'}${String(i).padStart(7, '0')}`;

/** A Redis of our own when `redis-server` is on the PATH (so INFO memory is ours alone), else REDIS_URL. */
async function startRedis(): Promise<string> {
  if (env.BENCH_REDIS_URL) return env.BENCH_REDIS_URL;
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(true));
    child.once('spawn', () => resolve(false));
  });
  if (failed) {
    const url = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    progress(`no redis-server on the PATH: using ${url} (memory figures include whatever else is in it)`);
    return url;
  }
  cleanup.redis = child;
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      await probe.quit();
      progress(`redis-server of our own on ${url}`);
      return url;
    } catch {
      probe.disconnect();
      await sleep(50);
    }
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}

async function createDatabase(): Promise<string> {
  const admin =
    env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `touchpoint_bench_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  cleanup.dropDatabase = async () => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  const url = new URL(admin);
  url.pathname = `/${name}`;
  progress(`fresh database ${name}`);
  return url.toString();
}

/** Customers with an SMS opt-in, written with multi-row inserts (a bulk seed; the events go through HTTP). */
async function seedCustomers(db: Client, prefix: string, count: number): Promise<void> {
  const chunk = 5_000;
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    const ids = Array.from({ length: n }, (_, k) => `${prefix}-${i + k}`);
    const phones = Array.from({ length: n }, (_, k) => phoneOf(prefix, i + k));
    await db.query(
      `insert into customers (id, phone, locale, timezone, attributes, consent, created_at, updated_at)
       select id, phone, 'en', 'UTC', '{"firstName":"Ann"}', '{"sms":true}', now(), now()
         from unnest($1::text[], $2::text[]) as t(id, phone)`,
      [ids, phones],
    );
  }
}

class HttpClient {
  constructor(
    private readonly base: string,
    private readonly key: string,
  ) {}

  async post<T>(path: string, body: unknown, expect: number): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expect) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }

  createJourney(body: unknown): Promise<{ id: string }> {
    return this.post('/v1/journeys', body, 201);
  }
}

/** POSTs `count` events in batches of 1,000, a few requests in flight. */
async function postEvents(
  http: HttpClient,
  prefix: string,
  name: string,
  count: number,
): Promise<{ perS: number; accepted: number; startedAt: number }> {
  const bodies: unknown[] = [];
  for (let i = 0; i < count; i += BATCH) {
    bodies.push({
      events: Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => ({
        id: `${name}-${prefix}-${i + k}`,
        customerId: `${prefix}-${i + k}`,
        name,
        properties: { cartValue: 129.5, cartUrl: `https://shop.example/cart/${i + k}` },
      })),
    });
  }
  let next = 0;
  let accepted = 0;
  const startedAt = Date.now();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: POSTS_IN_FLIGHT }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const answer = await http.post<{ accepted: number }>('/v1/events', body, 202);
        accepted += answer.accepted;
      }
    }),
  );
  return { perS: count / ((performance.now() - t0) / 1_000), accepted, startedAt };
}

async function waitForSms(fake: FakeTwilio, phones: Map<string, string>, expected: number): Promise<number> {
  let last = -1;
  let lastChange = Date.now();
  let lastReport = 0;
  for (;;) {
    const count = fake.messages.length;
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    }
    const ours = count >= expected ? fake.messages.filter((m) => phones.has(m.to)).length : count;
    if (ours >= expected) return ours;
    if (Date.now() - lastChange > STALL_MS) return ours;
    if (Date.now() - lastReport > 2_000) {
      lastReport = Date.now();
      progress(`SMS at the fake provider: ${count}/${expected} (${fake.requests.length} requests)`);
    }
    await sleep(50);
  }
}

async function waitForIdleQueues(redis: Redis, prefix: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    let pending = 0;
    for (const q of ['events', 'steps', 'send-sms']) {
      pending += await redis.llen(`${prefix}:${q}:wait`);
      pending += await redis.llen(`${prefix}:${q}:active`);
      pending += await redis.zcard(`${prefix}:${q}:prioritized`);
    }
    if (pending === 0) return;
    await sleep(200);
  }
}

/** The median of three INFO memory samples: one sample can catch a transient buffer. */
async function usedMemory(redis: Redis): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const info = await redis.info('memory');
    samples.push(Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0));
    await sleep(300);
  }
  return samples.sort((a, b) => a - b)[1];
}

/** User + system CPU time of a process so far, from /proc (0 when it is gone or this is not Linux). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / 100;
  } catch {
    return 0;
  }
}

/** PostgreSQL transactions and rows, Redis commands: how much work one message costs, whatever its speed. */
class Counters {
  private before?: Record<string, number>;
  constructor(
    private readonly db: Client,
    private readonly redisUrl: string,
  ) {}

  private async read(): Promise<Record<string, number>> {
    const pg = await this.db.query<Record<string, string>>(
      `select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_returned + tup_fetched as tup_read
         from pg_stat_database where datname = current_database()`,
    );
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    const stats = await redis.info('stats');
    const commandStats = await redis.info('commandstats');
    await redis.quit();
    const backends = await this.db.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    const scans = await this.db.query<{ relname: string; seq_tup_read: string }>(
      `select relname, seq_tup_read from pg_stat_user_tables where seq_tup_read > 0`,
    );
    const indexes = await this.db.query<{ indexrelname: string; idx_tup_read: string }>(
      `select indexrelname, idx_tup_read from pg_stat_user_indexes where idx_tup_read > 0`,
    );
    const cpu = (pids: (number | undefined)[]) => pids.reduce<number>((ms, pid) => ms + cpuMs(pid), 0);
    return {
      ...Object.fromEntries(Object.entries(pg.rows[0]).map(([k, v]) => [k, Number(v)])),
      redis_commands: Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? 0),
      ...Object.fromEntries(
        [...commandStats.matchAll(/cmdstat_(\w+):calls=(\d+)/g)]
          .filter((m) => Number(m[2]) > 10_000)
          .map((m) => [`redis_${m[1]}`, Number(m[2])]),
      ),
      // Rows read by sequential scans, by table: a hot-path query without its index shows up here.
      ...Object.fromEntries(scans.rows.map((r) => [`seq_rows_${r.relname}`, Number(r.seq_tup_read)])),
      ...Object.fromEntries(
        indexes.rows.map((r) => [`index_rows_${r.indexrelname}`, Number(r.idx_tup_read)]),
      ),
      // CPU milliseconds by process: the real cost, whatever the other processes on the machine do.
      cpu_ms_workers: cpu(cleanup.services.filter((s) => s.name.startsWith('worker')).map((s) => s.pid)),
      cpu_ms_api: cpu(cleanup.services.filter((s) => s.name === 'api').map((s) => s.pid)),
      cpu_ms_postgres: cpu(backends.rows.map((r) => r.pid)),
      cpu_ms_redis: cpu([cleanup.redis?.pid]),
      cpu_ms_bench_and_fake: cpu([process.pid]),
    };
  }

  async start(): Promise<void> {
    this.before = await this.read();
  }

  /** Per message since start(); pg_stat_database lags by up to its flush interval, so read it after a pause. */
  async perMessage(messages: number): Promise<string> {
    await sleep(1_000);
    const now = await this.read();
    return Object.entries(now)
      .map(([k, v]) => `${k} ${((v - (this.before?.[k] ?? 0)) / Math.max(1, messages)).toFixed(2)}`)
      .join(', ');
  }
}

async function shutdown(): Promise<void> {
  const services = cleanup.services.splice(0);
  const stopped = await Promise.all(
    services.map((s) => s.stop(15_000).then((r) => ({ name: s.name, ...r }))),
  );
  for (const s of stopped.filter((s) => s.forced)) progress(`${s.name} did not stop within 15 s: killed`);
  await cleanup.fake?.close().catch(() => undefined);
  cleanup.fake = undefined;
  await cleanup.dropDatabase?.().catch((e: unknown) => progress(`could not drop the database: ${String(e)}`));
  cleanup.dropDatabase = undefined;
  cleanup.redis?.kill('SIGTERM');
  cleanup.redis = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the processes and dropping the database`);
    void shutdown().finally(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  progress(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  for (const s of cleanup.services) if (s.output()) progress(`last output of ${s.name}:\n${s.output()}`);
  await shutdown();
  process.exit(1);
});
