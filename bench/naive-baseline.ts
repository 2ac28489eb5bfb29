import { Queue } from 'bullmq';
import type { FakeTwilio } from '../tests/fakes/fake-twilio';
import { ServiceProcess } from '../tests/support/process-stack';
import { START_TIMEOUT_MS } from './bench-http';
import { NAIVE_QUEUE, NAIVE_READY, type NaiveSms } from './naive-sender';
import { phoneOf, tally, waitForCohort } from './sms-tally';
import { cpuMs } from './work-counters';

export interface NaiveOptions {
  buildDir: string;
  redisUrl: string;
  fake: FakeTwilio;
  twilio: { accountSid: string; authToken: string; from: string };
  processes: number;
  /** Touchpoint's send concurrency per worker process, so both senders keep as many calls in flight. */
  concurrency: number;
  count: number;
  stallMs: number;
  progress: (line: string) => void;
  /** Processes started here, for the caller's cleanup. */
  started: ServiceProcess[];
}

/**
 * The naive sender's rate, measured in the same run as Touchpoint's: `count` jobs added with addBulk (1,000 a
 * call) while `processes` naive workers send them; SMS at the fake divided by the time from the first add
 * to the last SMS.
 */
export async function naiveSendsPerS(
  o: NaiveOptions,
): Promise<{ perS: number; lost: number; cpuMsPerMsg: number }> {
  const prefix = `{bench-naive}`;
  const queue = new Queue<NaiveSms>(NAIVE_QUEUE, {
    connection: { url: o.redisUrl, maxRetriesPerRequest: null },
    prefix,
  });
  await queue.obliterate({ force: true });
  const workers = Array.from({ length: o.processes }, (_, i) =>
    ServiceProcess.spawnScript(`naive-${i + 1}`, 'bench/naive-sender.js', {
      buildDir: o.buildDir,
      env: {
        REDIS_URL: o.redisUrl,
        QUEUE_PREFIX: prefix,
        NAIVE_CONCURRENCY: String(o.concurrency),
        TWILIO_ACCOUNT_SID: o.twilio.accountSid,
        TWILIO_AUTH_TOKEN: o.twilio.authToken,
        TWILIO_FROM: o.twilio.from,
        TWILIO_API_BASE_URL: o.fake.url,
      },
    }),
  );
  o.started.push(...workers);
  await Promise.all(workers.map((w) => w.waitForLine(NAIVE_READY, START_TIMEOUT_MS)));
  const startedAt = Date.now();
  for (let i = 0; i < o.count; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, o.count - i) }, (_, k) => ({
        name: 'sms',
        data: {
          to: phoneOf('n', i + k),
          body: `Ann, your cart is waiting: 10% off with CART10 https://shop.example/cart/${i + k}`,
        },
        opts: { removeOnComplete: true },
      })),
    );
  }
  await waitForCohort(o.fake, 'n', o.count, o.stallMs, o.progress);
  const result = tally(o.fake, 'n', o.count);
  const cpu = workers.reduce((ms, w) => ms + cpuMs(w.pid), 0);
  await Promise.all(workers.map((w) => w.stop(10_000)));
  await queue.obliterate({ force: true });
  await queue.close();
  return {
    perS: result.messages.length / Math.max(0.001, (result.lastAt - startedAt) / 1_000),
    lost: result.lost,
    cpuMsPerMsg: cpu / Math.max(1, result.messages.length),
  };
}
