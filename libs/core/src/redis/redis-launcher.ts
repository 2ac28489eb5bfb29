import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';

export interface LaunchedRedis {
  /** The URL to connect to: the one given when it answered, else the child's. */
  url: string;
  /** Stops the child this call started; a no-op when the given URL answered. */
  stop(): Promise<void>;
}

const PING_TIMEOUT_MS = 1_000;
const START_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;

/**
 * The embedded default's Redis: whatever answers at `url`, else a `redis-server` child on a free
 * loopback port that dies with this process, else one line saying how to get Redis.
 */
export async function ensureRedis(url: string, log: (line: string) => void): Promise<LaunchedRedis> {
  if (await answersPing(url)) return { url, stop: async () => {} };

  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new Error(
      `Redis is not reachable at ${redact(url)} and no redis-server binary is on the PATH: install it (apt-get install redis-server) or run \`docker compose up -d redis\`, or set REDIS_URL.`,
    );
  }

  let lastFailure = '';
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freeLoopbackPort();
    log(`Redis is not reachable at ${redact(url)}: starting ${binary} on 127.0.0.1:${port}`);
    const started = await startChild(binary, port);
    if ('failure' in started) {
      // Another process may have taken the port between our probe and the child's bind: try another.
      lastFailure = started.failure;
      continue;
    }
    log(`Redis started at ${started.url} (pid ${started.pid}); it stops with this process`);
    return { url: started.url, stop: started.stop };
  }
  throw new Error(`Redis is not reachable at ${redact(url)} and ${binary} did not start: ${lastFailure}`);
}

async function answersPing(url: string, timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // the failure is the answer; ioredis would print it as unhandled
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('PING timed out')), timeoutMs);
    });
    const pong = await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return pong === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))));
    });
  });
}

type Started = { url: string; pid: number; stop(): Promise<void> } | { failure: string };

async function startChild(binary: string, port: number): Promise<Started> {
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = keepTail(child);
  const killOnExit = () => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  // The child lives as long as this process, but does not by itself keep this process alive.
  child.unref();

  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
  });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let failure: string | undefined;
  while (failure === undefined) {
    if (await answersPing(url, 500)) break;
    if (Date.now() > deadline) {
      failure = `no answer on 127.0.0.1:${port} within ${START_TIMEOUT_MS / 1000} s`;
      child.kill('SIGKILL');
      break;
    }
    failure = await Promise.race([exited, delay(100).then(() => undefined)]);
    if (failure !== undefined) failure = `${failure}${output() ? `: ${output()}` : ''}`;
  }
  if (failure !== undefined) {
    process.off('exit', killOnExit);
    return { failure };
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { url, pid: child.pid ?? 0, stop };
}

/** Drains the child's output (so a full pipe never blocks it) and keeps its last line for errors. */
function keepTail(child: ChildProcess): () => string {
  let last = '';
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = chunk.split('\n').filter((line) => line.trim() !== '');
      if (lines.length > 0) last = lines[lines.length - 1].trim();
    });
    (stream as unknown as { unref?: () => void }).unref?.();
  }
  return () => last;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
