import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { checkDependencies, DB, REDIS, SendMetrics, type Database, type RedisClient } from '@touchpoint/core';
import type { Kysely } from 'kysely';

export interface WorkerHttp {
  readonly port: number;
  /** From now on `/health` answers 503 `stopping`, so an orchestrator stops counting on this worker. */
  stopping(): void;
  close(): Promise<void>;
}

/**
 * A standalone worker's own HTTP: `GET /health` (Redis and the database reachable, and not stopping) for
 * orchestrators, `GET /metrics` for Prometheus: this process's send latency, provider errors and Node figures.
 * Figures read from PostgreSQL and the queues (touchpoints by status, jobs by state) are the API's `/metrics`:
 * they are the same from every process.
 */
export async function startWorkerHttp(app: INestApplicationContext, port: number): Promise<WorkerHttp> {
  const db = app.get<Kysely<Database>>(DB);
  const redis = app.get<RedisClient>(REDIS);
  const registry = app.get(SendMetrics).registry;
  let stopping = false;

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'text/plain', 'GET only\n');
    if (path === '/health') {
      void checkDependencies(db, redis).then(({ ok, redis: r, database }) => {
        const status = stopping ? 'stopping' : ok ? 'ok' : 'degraded';
        answer(
          status === 'ok' ? 200 : 503,
          'application/json',
          JSON.stringify({ status, redis: r, database }),
        );
      });
      return;
    }
    if (path === '/metrics') {
      void registry.metrics().then(
        (text) => answer(200, registry.contentType, text),
        (error: unknown) => answer(500, 'text/plain', `${String(error)}\n`),
      );
      return;
    }
    answer(404, 'text/plain', 'not found: the worker serves /health and /metrics\n');
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    stopping: () => {
      stopping = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
