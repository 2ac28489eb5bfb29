import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureRedis } from './redis-launcher';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** PING over a plain socket: the reply line, or the error's code when nothing answers. */
const ping = (url: string) =>
  new Promise<string>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (answer: string) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done('timeout'));
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().trim().replace(/^\+/, '')));
  });

const waitForPong = async (url: string) => {
  for (let i = 0; i < 100 && (await ping(url)) !== 'PONG'; i++) await new Promise((r) => setTimeout(r, 50));
};

describe(ensureRedis.name, () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const started: Array<{ stop(): Promise<void> }> = [];

  afterEach(async () => {
    vi.unstubAllEnvs();
    lines.length = 0;
    await Promise.all(started.splice(0).map((redis) => redis.stop()));
  });

  describe('when a Redis answers at the URL', () => {
    let server: ChildProcess;
    let url: string;

    beforeAll(async () => {
      const port = await freePort();
      server = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      url = `redis://127.0.0.1:${port}`;
      await waitForPong(url);
    });

    afterAll(() => {
      server.kill('SIGKILL');
    });

    it('should return the URL as is and start nothing', async () => {
      const sut = await ensureRedis(url, log);
      started.push(sut);

      expect(sut.url).toBe(url);
      expect(lines).toEqual([]);
    });

    it('should leave that Redis running on stop()', async () => {
      const sut = await ensureRedis(url, log);
      await sut.stop();

      expect(await ping(url)).toBe('PONG');
    });
  });

  describe('when nothing answers at the URL', () => {
    it('should start a redis-server that answers PING, and stop() should make it go away', async () => {
      const unreachable = `redis://127.0.0.1:${await freePort()}`;

      const sut = await ensureRedis(unreachable, log);
      started.push(sut);

      expect(sut.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(sut.url).not.toBe(unreachable);
      expect(await ping(sut.url)).toBe('PONG');
      expect(lines.join('\n')).toContain(`Redis is not reachable at ${unreachable}`);

      await sut.stop();

      expect(await ping(sut.url)).toBe('ECONNREFUSED');
    });

    it('should throw one line saying how to get Redis when no redis-server is on the PATH', async () => {
      const emptyDir = mkdtempSync(path.join(tmpdir(), 'no-redis-'));
      vi.stubEnv('PATH', emptyDir);
      const unreachable = `redis://127.0.0.1:${await freePort()}`;

      try {
        await expect(ensureRedis(unreachable, log)).rejects.toThrow(
          new Error(
            `Redis is not reachable at ${unreachable} and no redis-server binary is on the PATH: install it (apt-get install redis-server) or run \`docker compose up -d redis\`, or set REDIS_URL.`,
          ),
        );
      } finally {
        rmSync(emptyDir, { recursive: true, force: true });
      }
    });
  });
});
