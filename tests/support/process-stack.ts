import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

/** The checkout: the first folder upwards holding scripts/build.mjs (this file also runs compiled elsewhere). */
const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts', 'build.mjs'))) return dir;
  }
  return process.cwd();
})();

/**
 * Builds the apps (and any extra folders) into a directory of their own with scripts/build.mjs, so the
 * bench and the chaos tests run the real compiled processes without touching a dist/ someone else runs.
 * Under node_modules/.cache the compiled files still resolve the project's node_modules.
 */
export async function buildApps(outDir: string, also: string[] = []): Promise<string> {
  const out = path.resolve(ROOT, outDir);
  await promisify(execFile)(
    process.execPath,
    ['scripts/build.mjs', '--out-dir', out, ...also.flatMap((a) => ['--also', a])],
    { cwd: ROOT },
  );
  return out;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface ServiceOptions {
  /** The build directory (holding apps/api/src/main.js and apps/worker/src/main.js). */
  buildDir: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Every output line of the child, prefixed with its name. */
  onLine?: (line: string) => void;
}

/** One API or worker process: started as `node <build>/apps/<kind>/src/main.js`. */
export class ServiceProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly tail: string[] = [];

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    onLine?: (line: string) => void,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          this.tail.push(line);
          if (this.tail.length > 200) this.tail.shift();
          onLine?.(`[${name}] ${line}`);
        }
      });
    }
  }

  static spawn(kind: 'api' | 'worker', name: string, options: ServiceOptions): ServiceProcess {
    return ServiceProcess.spawnScript(name, path.join('apps', kind, 'src', 'main.js'), options);
  }

  /** Any compiled script of the build (`bench/naive-sender.js`), with arguments (`--with-worker`). */
  static spawnScript(
    name: string,
    script: string,
    options: ServiceOptions,
    args: string[] = [],
  ): ServiceProcess {
    const main = path.join(options.buildDir, script);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), main, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, child, options.onLine);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it printed, for a failure message. */
  output(): string {
    return this.tail.join('\n');
  }

  /** Resolves once a line containing `text` appears; rejects if the process exits first or time runs out. */
  async waitForLine(text: string, timeoutMs = 60_000): Promise<void> {
    if (this.tail.some((l) => l.includes(text))) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`${this.name}: no "${text}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer | string) => {
        if (String(chunk).includes(text) || this.tail.some((l) => l.includes(text))) done();
      };
      const onExit = () => done(new Error(`${this.name} exited before "${text}":\n${this.output()}`));
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.child.stdout?.off('data', onData);
        this.child.stderr?.off('data', onData);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.stdout?.on('data', onData);
      this.child.stderr?.on('data', onData);
      this.child.once('exit', onExit);
    });
  }

  /** Polls `url` until it answers 200. */
  async waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited:\n${this.output()}`);
      try {
        const res = await fetch(url);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name}: ${url} not healthy within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with how it ended. */
  async stop(
    graceMs = 15_000,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }> {
    if (!this.running) return { ...(await this.exited), forced: false };
    this.child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.child.kill('SIGKILL');
      return { ...(await this.exited), forced: true };
    }
    return { ...(await this.exited), forced: false };
  }
}
