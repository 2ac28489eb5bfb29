import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@touchpoint/core';
import { Logger } from 'nestjs-pino';
import { GracefulShutdown } from '@touchpoint/worker';
import { startWorkerHttp, type WorkerHttp } from './worker-http';
import { WorkerAppModule } from './worker-app.module';

/** `npm run start:worker`: run as many as you like against one PostgreSQL and one Redis. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new Error(
      'npm run start:worker needs DATABASE_URL: the embedded database allows one process (use `npm start`).',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ config }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  let http: WorkerHttp | undefined;
  if (config.WORKER_HTTP_PORT !== undefined) {
    try {
      http = await startWorkerHttp(app, config.WORKER_HTTP_PORT);
    } catch (error) {
      await app.close();
      throw new Error(
        `WORKER_HTTP_PORT ${config.WORKER_HTTP_PORT}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  // Our own signal handling instead of Nest's shutdown hooks: the drain is bounded, the exit code says how it went.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Touchpoint worker stopping (${signal}): finishing the jobs in hand`);
    http?.stopping();
    const drained = await app.get(GracefulShutdown).drain();
    const closed = await Promise.race([
      Promise.all([app.close(), http?.close()]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
    ]);
    console.log(
      `Touchpoint worker stopped: ${drained.finished ? 'every job in hand finished' : `${drained.abandoned} job(s) handed back`} in ${drained.ms} ms`,
    );
    process.exit(drained.finished && closed ? 0 : 1);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
  console.log(
    http
      ? `Touchpoint worker running; /health and /metrics on port ${http.port}`
      : 'Touchpoint worker running',
  );
}

main().catch((error: unknown) => {
  console.error(
    `Touchpoint worker could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
