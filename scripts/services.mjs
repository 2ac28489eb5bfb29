// Makes sure the Redis and PostgreSQL servers the test suite talks to answer before Vitest starts:
// installs (as root, from Debian's packages) and starts whichever is missing, then waits for both.
// With REDIS_URL / TEST_DATABASE_URL set it only checks those servers and never starts anything.
// The tools the suites run (promtool, from Debian's prometheus package) are installed the same way.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';

const WAIT_MS = 30_000;
const PROBE_MS = 2_000;

/** The start commands the machines use, so a server started here is the same one a new machine has. */
export const START = {
  redis:
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  postgres: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
};

const say = (line) => console.log(`[services] ${line}`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The full path of an executable on PATH, or undefined. */
export function which(name, searchPath = process.env.PATH ?? '') {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A URL without its password, fit to print. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function target(kind, envUrl, defaultPort) {
  if (!envUrl) return { host: '127.0.0.1', port: defaultPort, fromEnv: false };
  const u = new URL(envUrl);
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(u.port || defaultPort),
    fromEnv: true,
    url: envUrl,
    tls: kind === 'redis' && u.protocol === 'rediss:',
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

const resp = (...args) =>
  `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Sends PING over a raw socket (after AUTH when the URL has a password); resolves { ok, detail, fatal }. */
export function pingRedis(t, timeoutMs = PROBE_MS) {
  return new Promise((resolve) => {
    let buffer = '';
    let settled = false;
    const socket = t.tls
      ? tls.connect({ host: t.host, port: t.port, servername: t.host })
      : net.connect({ host: t.host, port: t.port });
    const done = (ok, detail, fatal = false) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ ok, detail, fatal });
    };
    socket.setTimeout(timeoutMs, () => done(false, 'no answer'));
    socket.on('error', (err) => done(false, err.code ?? err.message));
    socket.once(t.tls ? 'secureConnect' : 'connect', () => {
      const auth = t.password
        ? t.username
          ? resp('AUTH', t.username, t.password)
          : resp('AUTH', t.password)
        : '';
      socket.write(auth + resp('PING'));
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\r\n');
      for (const line of lines.slice(0, -1)) {
        if (line === '+PONG') return done(true, 'PONG');
        // LOADING and the like pass; any other error (a wrong password, say) will not go away by waiting.
        if (line.startsWith('-')) {
          return done(false, line.slice(1), !/^-(LOADING|BUSY|MASTERDOWN)/.test(line));
        }
      }
    });
  });
}

/** TCP connect plus PostgreSQL's SSLRequest (any server answers it with one byte), then pg_isready if present. */
export function pingPostgres(t, timeoutMs = PROBE_MS) {
  return new Promise((resolve) => {
    let settled = false;
    const socket = net.connect({ host: t.host, port: t.port });
    const done = (ok, detail) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ ok, detail });
    };
    socket.setTimeout(timeoutMs, () => done(false, 'no answer'));
    socket.on('error', (err) => done(false, err.code ?? err.message));
    socket.once('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])));
    socket.once('data', (chunk) => {
      const answer = String.fromCharCode(chunk[0]);
      if (answer !== 'S' && answer !== 'N') return done(false, 'not a PostgreSQL server');
      const isready = which('pg_isready');
      if (!isready) return done(true, 'accepting connections');
      const r = spawnSync(
        isready,
        ['-h', t.host, '-p', String(t.port), '-t', String(Math.ceil(timeoutMs / 1000))],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      done(r.status === 0, (r.stdout || r.stderr || '').trim().replace(/^.* - /, ''));
    });
  });
}

let aptUpdated = false;
/** Debian packages this run installed. */
const installed = new Set();
function aptInstall(pkg) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('apt-get update');
    execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    aptUpdated = true;
  }
  say(`apt-get install -y ${pkg}`);
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
}

function sh(command) {
  say(`$ ${command}`);
  const r = spawnSync('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
}

const clusters = () => (existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : []);

/** The newest PostgreSQL server version installed (/usr/lib/postgresql/<ver>/bin/postgres). */
function installedPostgresVersion() {
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  return readdirSync('/usr/lib/postgresql')
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a))[0];
}

/** pg_hba.conf is first-match: put trust for user postgres over the loopback and the socket on top. */
export function trustPostgresUser(hbaText) {
  const marker = '# touchpoint: tests connect as postgres without a password';
  if (hbaText.includes(marker)) return hbaText;
  return [
    marker,
    'local   all   postgres                 trust',
    'host    all   postgres   127.0.0.1/32  trust',
    'host    all   postgres   ::1/128       trust',
    '',
    hbaText,
  ].join('\n');
}

function makePostgresTrusting() {
  for (const version of clusters()) {
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
    if (!existsSync(hba)) continue;
    writeFileSync(hba, trustPostgresUser(readFileSync(hba, 'utf8')));
    say(`${hba}: trust for user postgres from 127.0.0.1, ::1 and the socket`);
  }
}

/** Binaries that are missing for the services that have to be started here. */
function missingPackages(needed) {
  const missing = [];
  if (needed.includes('redis') && !which('redis-server')) missing.push('redis-server');
  if (needed.includes('postgres') && !which('pg_ctlcluster') && !installedPostgresVersion()) {
    missing.push('postgresql');
  }
  return missing;
}

/** Command-line tools the suites run, by the Debian package that has them. */
// redis-cli starts the three-master Redis Cluster of tests/redis-cluster.test.ts (`--cluster create`).
export const TOOLS = [
  { bin: 'promtool', pkg: 'prometheus' },
  { bin: 'redis-cli', pkg: 'redis-tools' },
];

/** Packages of the tools that are not on PATH (installed whether or not a server had to be started). */
function missingTools() {
  return TOOLS.filter((t) => !which(t.bin)).map((t) => t.pkg);
}

async function start(name, probe) {
  if (name === 'redis') {
    for (const dir of ['/var/lib/redis', '/var/log/redis']) mkdirSync(dir, { recursive: true });
    return sh(START.redis);
  }
  let fresh = false;
  if (clusters().length === 0) {
    const version = installedPostgresVersion();
    if (!version) throw new Error('no PostgreSQL server is installed under /usr/lib/postgresql');
    if (!sh(`pg_createcluster ${version} main`)) return false;
    fresh = true;
  }
  if (fresh || installed.has('postgresql')) makePostgresTrusting();
  // A package's postinst may have started the cluster already (with the old pg_hba.conf): reload it.
  if ((await probe()).ok) {
    return sh('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main reload');
  }
  return sh(START.postgres);
}

/** Creates database `test` when it is missing (the suites connect to `postgres` and `test`). */
function ensureTestDatabase(t) {
  const psql = which('psql');
  if (!psql) return say('psql is not installed: not checking that database test exists');
  const args = [
    '-h',
    t.host,
    '-p',
    String(t.port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-tAc',
  ];
  const run = (sql) =>
    spawnSync(psql, [...args, sql], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
    });
  const exists = run("select 1 from pg_database where datname = 'test'");
  if (exists.status !== 0) {
    console.error(`[services] cannot connect to PostgreSQL as postgres: ${exists.stderr.trim()}`);
    process.exit(1);
  }
  if (exists.stdout.trim() === '1') return;
  const created = run('create database test');
  if (created.status !== 0) {
    console.error(`[services] cannot create database test: ${created.stderr.trim()}`);
    process.exit(1);
  }
  say('created database test');
}

/** The console's browser tests drive Debian's Chromium (never a downloaded build), with fonts for fa and he. */
export const CHROMIUM = '/usr/bin/chromium';
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (!isRoot()) {
    console.error('[services] chromium is not installed and this is not root; run:');
    console.error('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core');
    process.exit(1);
  }
  aptInstall('chromium');
  aptInstall('fonts-noto-core');
}

/** A server that answered with an error that waiting will not fix: say so and stop. */
function failOnFatal(services, results) {
  const fatal = services.filter((_, i) => results[i].fatal);
  for (const s of fatal) {
    const where = s.t.fromEnv ? `${s.env}=${redact(s.t.url)}` : `${s.t.host}:${s.t.port}`;
    console.error(
      `[services] ${s.name} at ${where} answered with an error: ${results[services.indexOf(s)].detail}`,
    );
  }
  if (fatal.length > 0) process.exit(1);
}

async function main() {
  const services = [
    { name: 'redis', env: 'REDIS_URL', t: target('redis', process.env.REDIS_URL, 6379), ping: pingRedis },
    {
      name: 'postgres',
      env: 'TEST_DATABASE_URL',
      t: target('postgres', process.env.TEST_DATABASE_URL, 5432),
      ping: pingPostgres,
    },
  ];
  for (const s of services) s.probe = () => s.ping(s.t);

  const first = await Promise.all(services.map((s) => s.probe()));
  failOnFatal(services, first);
  services.forEach((s, i) => {
    s.state = first[i].ok ? 'already running' : undefined;
    s.detail = first[i].detail;
  });

  const toStart = services.filter((s) => !s.state && !s.t.fromEnv);
  for (const s of services.filter((x) => !x.state && x.t.fromEnv)) {
    say(
      `${s.name} at ${s.env}=${redact(s.t.url)} does not answer yet (${s.detail}); ${s.env} is set, so only waiting for it`,
    );
  }

  const missing = [...missingPackages(toStart.map((s) => s.name)), ...missingTools()];
  if (missing.length > 0 && !isRoot()) {
    console.error(`[services] ${missing.join(' and ')} not installed and this is not root; run:`);
    console.error(`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  for (const pkg of missing) {
    aptInstall(pkg);
    installed.add(pkg);
  }

  for (const s of toStart) {
    // An install may have started the server through its init script.
    const now = await s.probe();
    if (now.ok && s.name === 'redis') {
      s.state = 'started';
      continue;
    }
    say(`${s.name} ${s.t.host}:${s.t.port} does not answer (${s.detail}): starting it`);
    if (!(await start(s.name, s.probe))) {
      say(`${s.name}: the start command failed; waiting in case it comes up`);
    }
    s.state = 'started';
  }

  const deadline = Date.now() + WAIT_MS;
  let lastReport = Date.now();
  for (;;) {
    const results = await Promise.all(services.map((s) => s.probe()));
    failOnFatal(services, results);
    const down = services.filter((s, i) => {
      s.detail = results[i].detail;
      return !results[i].ok;
    });
    if (down.length === 0) break;
    if (Date.now() >= deadline) {
      for (const s of down) {
        const where = s.t.fromEnv ? `${s.env}=${redact(s.t.url)}` : `${s.t.host}:${s.t.port}`;
        console.error(
          `[services] ${s.name} at ${where} did not answer within ${WAIT_MS / 1000} s (${s.detail})`,
        );
      }
      process.exit(1);
    }
    if (Date.now() - lastReport >= 3_000) {
      lastReport = Date.now();
      const waited = Math.round((Date.now() - (deadline - WAIT_MS)) / 1000);
      say(
        `waiting for ${down.map((s) => `${s.name} (${s.detail})`).join(', ')}: ${waited} s of ${WAIT_MS / 1000}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  const pg = services[1];
  if (!pg.t.fromEnv) ensureTestDatabase(pg.t);
  ensureChromium();
  for (const s of services) {
    console.log(`${s.name} ${s.t.host}:${s.t.port} up (${s.state ?? 'already running'})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`[services] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
