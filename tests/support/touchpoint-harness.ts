import type { INestApplication } from '@nestjs/common';
import {
  Clock,
  createRedisClient,
  DB,
  loadConfig,
  type Config,
  type Database,
  type RedisClient,
} from '@touchpoint/core';
import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { Reconciler } from '@touchpoint/worker';
import { ALL_QUEUES, jobId, QueueGateway, shardPrefixes } from '@touchpoint/core';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A port nothing listens on right now (the OS picks it), for a server that must know its URL before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface HarnessOptions {
  /** Embedded PGlite under a temporary DATA_DIR instead of a PostgreSQL database. */
  embedded?: boolean;
  withWorker?: boolean;
  env?: Record<string, string>;
  clock?: Clock;
  /** Redis logical database; tests that FLUSHDB use their own. */
  redisDb?: number;
  /**
   * Listen on a free port chosen up front and make PUBLIC_BASE_URL this harness's own URL, so signed
   * provider callbacks (Twilio signs the exact URL) and the links in messages point back at it.
   */
  publicBaseUrl?: boolean;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The real service in-process: real HTTP on a loopback port, real Redis, a PostgreSQL database of its own. */
export class TouchpointHarness {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: Config,
    readonly db: Kysely<Database>,
    private readonly testDb: TestDatabase | undefined,
    private readonly dataDir: string | undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<TouchpointHarness> {
    const testDb = options.embedded ? undefined : await createTestDatabase();
    const dataDir = options.embedded ? mkdtempSync(path.join(tmpdir(), 'touchpoint-test-')) : undefined;
    const redisBase = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const port = options.publicBaseUrl ? await freePort() : 0;
    const redisUrl = new URL(redisBase);
    redisUrl.pathname = `/${options.redisDb ?? 0}`;
    const config = loadConfig({
      ADMIN_API_KEY: ADMIN_KEY,
      REDIS_URL: redisUrl.toString(),
      ...(testDb ? { DATABASE_URL: testDb.url } : { DATA_DIR: dataDir }),
      QUEUE_PREFIX: `{tp-test-${randomBytes(4).toString('hex')}}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SCHEDULER_TICK_MS: '250',
      RECONCILE_GRACE_MS: '2000',
      PORT: String(port),
      ...(options.publicBaseUrl && { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }),
      ...options.env,
    });
    const app = await createApp({ config, withWorker: options.withWorker ?? true, clock: options.clock });
    await app.listen(config.PORT, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new TouchpointHarness(app, url, config, app.get(DB), testDb, dataDir);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    {
      key = ADMIN_KEY,
      headers = {} as Record<string, string>,
      raw,
    }: { key?: string | null; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  /** A key with `role`, made through the API as a user would. */
  async keyFor(role: 'admin' | 'marketer' | 'analyst' | 'ingest'): Promise<string> {
    const res = await this.request<{ key: string }>('POST', '/v1/api-keys', { name: `${role} key`, role });
    if (res.status !== 201) throw new Error(`could not create a ${role} key: ${res.status}`);
    return res.body.key;
  }

  /** The BullMQ job of a scheduled step, if Redis has it. */
  async stepJob(scheduledStepId: string, dueAt: Date) {
    const queue = this.app.get(QueueGateway).stepQueue(scheduledStepId, dueAt);
    return (await queue.getJob(jobId.step(scheduledStepId, dueAt))) ?? undefined;
  }

  reconciler(): Reconciler {
    return this.app.get(Reconciler);
  }

  /** A connection of the test's own, to the same Redis (or Redis Cluster) as the app. */
  async redis(): Promise<RedisClient> {
    return createRedisClient(this.config, { maxRetriesPerRequest: 1 });
  }

  async count(table: keyof Database): Promise<number> {
    const row = await this.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async close(): Promise<void> {
    await this.app.close();
    const redis = await this.redis();
    for (const prefix of shardPrefixes(this.config.QUEUE_PREFIX, this.config.QUEUE_SHARDS)) {
      for (const name of ALL_QUEUES) {
        const q = new Queue(name, { connection: redis, prefix });
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
      await redis.del(`${prefix}:touchpoint:sentinel`);
    }
    await redis.quit();
    await this.testDb?.drop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
