import 'reflect-metadata';
import { ensureRedis, loadConfig } from '@touchpoint/core';
import { createApp } from './create-app';

/** `npm start` (API and worker, embedded database) or `npm run start:api` (API only). */
async function main(): Promise<void> {
  const withWorker = process.argv.includes('--with-worker');
  // The embedded default shows the design card's demo journeys unless told otherwise.
  const config = loadConfig({
    ...process.env,
    LOAD_DEMO_JOURNEYS: process.env.LOAD_DEMO_JOURNEYS ?? String(withWorker && !process.env.DATABASE_URL),
  });
  if (!withWorker && !config.DATABASE_URL) {
    throw new Error(
      'npm run start:api needs DATABASE_URL: the embedded database allows one process, so use `npm start` to run everything in one.',
    );
  }
  // The embedded default finds or starts a Redis; a deployed API (or any on a cluster) uses the one it is given.
  const redis =
    withWorker && !config.REDIS_CLUSTER_NODES
      ? await ensureRedis(config.REDIS_URL, (line) => console.log(line))
      : { url: config.REDIS_URL, stop: async () => undefined };
  const app = await createApp({ config: { ...config, REDIS_URL: redis.url }, withWorker });
  app.enableShutdownHooks();
  // Nest closes the app on SIGTERM, then raises the signal again: end with exit code 0 then (a clean stop,
  // and `node --cpu-prof` gets to write its profile).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    let seen = 0;
    process.on(signal, () => ++seen > 1 && process.exit(0));
  }
  process.once('exit', () => void redis.stop());
  await app.listen(config.PORT);
  const where = config.DATABASE_URL ? 'PostgreSQL' : `embedded PostgreSQL in ${config.DATA_DIR}`;
  console.log(
    `Touchpoint ${withWorker ? 'API and worker' : 'API'} on http://localhost:${config.PORT} (${where}; OpenAPI at /docs, queues at /admin/queues)`,
  );
}

main().catch((error: unknown) => {
  console.error(`Touchpoint could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
