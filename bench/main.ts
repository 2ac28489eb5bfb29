/**
 * `npm run bench`: the real API and workers as separate processes on a fresh PostgreSQL database and Redis,
 * sending SMS through the real Twilio SDK to a local fake Twilio that runs in this process. Progress goes to
 * stderr; the last line on stdout is one JSON object with the figures (see BENCH.md).
 */
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { FakeTwilio } from '../tests/fakes/fake-twilio';
import { freePort, ServiceProcess } from '../tests/support/process-stack';
import {
  BenchHttp,
  CART_WAIT_MS,
  cartJourney,
  postEvents,
  seedCustomers,
  START_TIMEOUT_MS,
} from './bench-http';
import { summarizeCpuProfile } from './cpu-profile';
import { embeddedBurst } from './embedded';
import { naiveSendsPerS } from './naive-baseline';
import { rawBullmqJobsPerS } from './raw-bullmq';
import { latenessMs, pct, tally, waitForCohort } from './sms-tally';
import { steadyLoad } from './steady-load';
import { describeWork, WorkCounters } from './work-counters';

const env = process.env;
const int = (name: string, fallback: number) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

const CUSTOMERS = int('BENCH_CUSTOMERS', 20_000);
const WAITING = int('BENCH_WAITING', 100_000);
const POSTS_IN_FLIGHT = int('BENCH_POSTS_IN_FLIGHT', 4);
const WORKERS = int('BENCH_WORKERS', 2);
const RAW_JOBS = int('BENCH_RAW_JOBS', 30_000);
/** Events of the steady-load phase are offered for this long, at half the burst's send rate. */
const STEADY_SECONDS = int('BENCH_STEADY_SECONDS', 20);
// A quarter of the burst: the one embedded process sends at a tenth of production's rate or less.
const EMBEDDED_CUSTOMERS = int('BENCH_EMBEDDED_CUSTOMERS', 5_000);
/** A Touchpoint worker's send concurrency (apps/worker processors.ts): the naive sender gets the same. */
const SEND_CONCURRENCY = 20;
/** No new SMS for this long and the send phase is over, whatever is missing. */
const STALL_MS = int('BENCH_STALL_MS', 30_000);
/** The whole run stops by itself after this, whatever state it is in. */
const DEADLINE_MS = int('BENCH_DEADLINE_MS', 15 * 60_000);
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
  /** Naive senders and the embedded process: stopped on the way out, not counted as Touchpoint's. */
  others: ServiceProcess[];
  redis?: ChildProcess;
  dropDatabase?: () => Promise<void>;
  fake?: FakeTwilio;
}
const cleanup: Cleanup = { services: [], others: [] };

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    progress(`deadline of ${DEADLINE_MS} ms reached: stopping`);
    void shutdown().finally(() => process.exit(2));
  }, DEADLINE_MS);
  watchdog.unref();

  const redisUrl = await startRedis();
  const databaseUrl = await createDatabase();
  const prefix = env.BENCH_QUEUE_PREFIX ?? `{tp-bench-${randomBytes(3).toString('hex')}}`;

  progress(`raw BullMQ baseline: ${RAW_JOBS} no-op jobs, addBulk, concurrency 50`);
  const raw = await rawBullmqJobsPerS(redisUrl, `{bench-raw}`, RAW_JOBS);
  progress(`raw BullMQ: ${raw.toFixed(0)} jobs/s`);

  const fake = await FakeTwilio.start(TWILIO);
  cleanup.fake = fake;
  const twilio = { ...TWILIO, from: '+14155550000' };

  progress(
    `naive sender: ${CUSTOMERS} SMS, ${WORKERS} process(es) × concurrency ${SEND_CONCURRENCY}, twilio SDK to the fake`,
  );
  const naive = await naiveSendsPerS({
    buildDir: BUILD_DIR,
    redisUrl,
    fake,
    twilio,
    processes: WORKERS,
    concurrency: SEND_CONCURRENCY,
    count: CUSTOMERS,
    stallMs: STALL_MS,
    progress,
    started: cleanup.others,
  });
  progress(
    `naive sender: ${naive.perS.toFixed(0)} SMS/s, ${naive.cpuMsPerMsg.toFixed(2)} ms of its processes' CPU a message (lost ${naive.lost})`,
  );

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const serviceEnv = {
    NODE_ENV: 'production',
    REDIS_URL: redisUrl,
    ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: twilio.from,
    TWILIO_API_BASE_URL: fake.url,
    // The engine is measured, not a long code's 1 message a second: the fake takes whatever it is sent.
    SMS_RATE_PER_SECOND: '1000000',
    ...pick(
      env,
      /^(NODE_OPTIONS|DATABASE_POOL_SIZE|DB_POOL_SIZE|SCHEDULER_TICK_MS|SCHEDULE_HORIZON_MS|WORKER_.*|SMS_.*|TWILIO_RATE.*|REDIS_CLUSTER_NODES|QUEUE_SHARDS)$/,
    ),
  };
  const productionEnv = {
    ...serviceEnv,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    PUBLIC_BASE_URL: apiUrl,
  };
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  if (CPU_PROF_DIR) mkdirSync(CPU_PROF_DIR, { recursive: true });
  const onLine = (line: string) => {
    if (/"level":(40|50|60)|Error|error/.test(line) && !/Missing lock|finishedErrors/.test(line)) {
      progress(line.slice(0, 400));
    }
  };
  const api = ServiceProcess.spawn('api', 'api', {
    buildDir: BUILD_DIR,
    env: { ...productionEnv, PORT: String(apiPort) },
    nodeArgs,
    onLine,
  });
  cleanup.services.push(api);
  await api.waitForHttp(`${apiUrl}/health`, START_TIMEOUT_MS);
  const workerPorts = await Promise.all(Array.from({ length: WORKERS }, () => freePort()));
  const workers = workerPorts.map((port, i) =>
    ServiceProcess.spawn('worker', `worker-${i + 1}`, {
      buildDir: BUILD_DIR,
      env: { ...productionEnv, WORKER_HTTP_PORT: String(port) },
      nodeArgs,
      onLine,
    }),
  );
  cleanup.services.push(...workers);
  await Promise.all(workers.map((w) => w.waitForLine('Touchpoint worker running', START_TIMEOUT_MS)));
  progress(`api on ${apiUrl}, ${WORKERS} worker(s), fake Twilio on ${fake.url}`);

  const http = new BenchHttp(apiUrl, ADMIN_KEY);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const query = (text: string, params: unknown[]) => db.query(text, params);

  // Phase 1: carts abandoned by CUSTOMERS customers, a 5 s wait, one SMS each.
  const cart = await http.createJourney(cartJourney());
  await seedCustomers(query, 'c', CUSTOMERS);
  progress(
    `seeded ${CUSTOMERS} customers; posting ${CUSTOMERS} cart_abandoned events in batches of 1,000, ${POSTS_IN_FLIGHT} in flight`,
  );
  const counters = new WorkCounters(db, redisUrl, () => ({
    api: { pid: api.pid, metricsUrl: `${apiUrl}/metrics` },
    workers: workers.map((w, i) => ({
      pid: w.pid,
      metricsUrl: `http://127.0.0.1:${workerPorts[i]}/metrics`,
    })),
    redisPid: cleanup.redis?.pid,
  }));
  await counters.start();
  const ingest = await postEvents(http, 'c', 'cart_abandoned', CUSTOMERS, POSTS_IN_FLIGHT);
  progress(`ingest: ${ingest.perS.toFixed(0)} events/s (${ingest.accepted} accepted)`);

  const sent = await waitForCohort(fake, 'c', CUSTOMERS, STALL_MS, progress);
  await sleep(3_000); // late duplicates (a retry, a re-delivered job) would land now
  const burst = tally(fake, 'c', CUSTOMERS);
  const lateness = await latenessMs(db, cart.id, burst);
  const work = await counters.perMessage(burst.messages.length);
  progress(`work per message: ${describeWork(work)}`);
  // End to end: from the first POST to the last SMS at the provider, less the journey's own wait.
  const sendsPerS =
    burst.messages.length / Math.max(0.001, (burst.lastAt - ingest.startedAt - CART_WAIT_MS) / 1_000);
  progress(
    `sends: ${burst.messages.length} SMS, ${sendsPerS.toFixed(0)}/s end to end (naive ${naive.perS.toFixed(0)}/s: ` +
      `vsNaive ${(sendsPerS / naive.perS).toFixed(2)}); lateness p50 ${pct(lateness, 0.5)} ms, ` +
      `p99 ${pct(lateness, 0.99)} ms, max ${lateness.at(-1)} ms; lost ${burst.lost}, duplicated ${burst.duplicated}` +
      (sent < CUSTOMERS ? ` (stopped waiting at ${sent})` : ''),
  );

  // Phase 2: a steady load at half the burst's rate, each event into the same 5 s wait.
  const steady = await steadyLoad({
    http,
    db,
    fake,
    ratePerS: Math.max(10, Math.round(sendsPerS / 2)),
    seconds: STEADY_SECONDS,
    stallMs: STALL_MS,
    progress,
  });
  progress(
    `steady load: ${steady.offered} events at ${steady.ratePerS}/s; lateness p50 ${steady.p50} ms, ` +
      `p95 ${steady.p95} ms, p99 ${steady.p99} ms, max ${steady.max} ms; lost ${steady.lost}, duplicated ${steady.duplicated}`,
  );

  // Phase 3: ingest alone, one batch at a time (an event no journey listens to; the workers still claim it).
  const serial = await postEvents(http, 'c', 'page_viewed', CUSTOMERS, 1);
  progress(`ingest one batch at a time: ${serial.perS.toFixed(0)} events/s`);

  const unknown = Number(
    (await db.query<{ n: string }>(`select count(*) as n from touchpoints where status = 'unknown'`)).rows[0]
      .n,
  );

  // Phase 4: WAITING customers enter a 3-day wait; Redis should not hold them.
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
    await seedCustomers(query, 'w', WAITING);
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    await waitForIdleQueues(redis, prefix);
    const before = await usedMemory(redis);
    progress(`seeded ${WAITING} more customers; Redis used_memory ${before} B; posting browse_abandoned`);
    const waitIngest = await postEvents(http, 'w', 'browse_abandoned', WAITING, POSTS_IN_FLIGHT);
    progress(`ingest (phase 4): ${waitIngest.perS.toFixed(0)} events/s`);
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
  await stopServices();

  // Phase 5: the embedded default (npm start's one process, PGlite) under the same burst.
  let embedded: Awaited<ReturnType<typeof embeddedBurst>> | undefined;
  if (EMBEDDED_CUSTOMERS > 0) {
    embedded = await embeddedBurst({
      buildDir: BUILD_DIR,
      redisUrl,
      fake,
      env: serviceEnv,
      customers: EMBEDDED_CUSTOMERS,
      stallMs: STALL_MS,
      nodeArgs,
      onLine,
      progress,
      started: cleanup.others,
    });
    progress(
      `embedded: ${embedded.sendsPerS.toFixed(0)} SMS/s, longest gap between two SMS ${embedded.longestGapMs} ms, ` +
        `provider errors ${embedded.providerErrors}, lost ${embedded.lost}, duplicated ${embedded.duplicated}`,
    );
  }

  await shutdown();
  if (CPU_PROF_DIR) {
    for (const file of readdirSync(CPU_PROF_DIR).filter((f) => f.endsWith('.cpuprofile'))) {
      progress(summarizeCpuProfile(path.join(CPU_PROF_DIR, file)));
    }
  }
  const result = {
    rawBullmqJobsPerS: Math.round(raw),
    naiveSendsPerS: Math.round(naive.perS),
    sendsPerS: Math.round(sendsPerS),
    vsNaive: Number((sendsPerS / naive.perS).toFixed(3)),
    sendRatio: Number((sendsPerS / raw).toFixed(3)),
    ingestEventsPerS: Math.round(ingest.perS),
    ingestSerialEventsPerS: Math.round(serial.perS),
    latenessP50Ms: pct(lateness, 0.5),
    latenessP99Ms: pct(lateness, 0.99),
    steadyRatePerS: steady.ratePerS,
    steadyLatenessP50Ms: steady.p50,
    steadyLatenessP95Ms: steady.p95,
    steadyLatenessP99Ms: steady.p99,
    embeddedSendsPerS: embedded ? Math.round(embedded.sendsPerS) : null,
    embeddedLongestGapMs: embedded?.longestGapMs ?? null,
    embeddedProviderErrors: embedded?.providerErrors ?? null,
    redisBytesPerWaitingStep:
      redisBytesPerWaitingStep === null ? null : Math.max(0, Math.round(redisBytesPerWaitingStep)),
    unknown,
    lost: burst.lost + steady.lost + (embedded?.lost ?? 0),
    duplicated: burst.duplicated + steady.duplicated + (embedded?.duplicated ?? 0),
    sqlStatementsPerMsg: work.sql_statements ?? null,
    pgTransactionsPerMsg: work.xact_commit ?? null,
    redisCommandsPerMsg: work.redis_commands ?? null,
    cpuMsPerMsg: {
      naiveWorkers: Number(naive.cpuMsPerMsg.toFixed(2)),
      workers: work.cpu_ms_workers,
      api: work.cpu_ms_api,
      postgres: work.cpu_ms_postgres,
      redis: work.cpu_ms_redis,
      benchAndFake: work.cpu_ms_bench_and_fake,
    },
  };
  clearTimeout(watchdog);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function pick(source: NodeJS.ProcessEnv, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => pattern.test(e[0]) && e[1] !== undefined),
  );
}

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

/** Stops Touchpoint's API and workers (SIGTERM, then SIGKILL after 15 s), and any naive or embedded process. */
async function stopServices(): Promise<void> {
  const services = [...cleanup.services.splice(0), ...cleanup.others.splice(0)];
  const stopped = await Promise.all(
    services.map((s) => s.stop(15_000).then((r) => ({ name: s.name, ...r }))),
  );
  for (const s of stopped.filter((s) => s.forced)) progress(`${s.name} did not stop within 15 s: killed`);
}

async function shutdown(): Promise<void> {
  await stopServices();
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
  for (const s of [...cleanup.services, ...cleanup.others]) {
    if (s.output()) progress(`last output of ${s.name}:\n${s.output()}`);
  }
  await shutdown();
  process.exit(1);
});
