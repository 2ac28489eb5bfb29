import { Queue, Worker } from 'bullmq';

/**
 * The baseline every figure is divided by: bare BullMQ on this machine, now. No-op jobs are added with
 * addBulk (as Touchpoint adds its own) and processed by one worker at concurrency 50; the rate is jobs
 * completed per second of processing, so it is the cost one job pays, measured in the same run.
 */
export async function rawBullmqJobsPerS(redisUrl: string, prefix: string, jobs: number): Promise<number> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('raw-baseline', { connection, prefix });
  await queue.obliterate({ force: true });
  for (let i = 0; i < jobs; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, jobs - i) }, (_, k) => ({
        name: 'noop',
        data: { n: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  const worker = new Worker(
    'raw-baseline',
    async () => {
      if (++done === jobs) finish();
    },
    { connection, prefix, concurrency: 50 },
  );
  await finished;
  const seconds = (performance.now() - started) / 1_000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}
