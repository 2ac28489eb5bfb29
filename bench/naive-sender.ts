/**
 * The naive sender, what a user would write instead of Touchpoint: one BullMQ job per SMS and a worker that
 * calls the real `twilio` SDK's `client.messages.create`. No database, no dedup, no log. The bench runs as
 * many of these processes as it runs Touchpoint workers, at Touchpoint's send concurrency, against the same
 * fake Twilio (`TwilioRequestClient` only points the SDK at it: the SDK has no base-URL option).
 */
import { TwilioRequestClient } from '@touchpoint/channels';
import { Worker } from 'bullmq';
import twilio from 'twilio';

export const NAIVE_QUEUE = 'naive-sms';
export const NAIVE_READY = 'naive sender running';

export interface NaiveSms {
  to: string;
  body: string;
}

function main(): void {
  const env = process.env;
  const client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, {
    httpClient: new TwilioRequestClient(env.TWILIO_API_BASE_URL),
  });
  const worker = new Worker<NaiveSms>(
    NAIVE_QUEUE,
    async (job) => {
      await client.messages.create({ to: job.data.to, from: env.TWILIO_FROM, body: job.data.body });
    },
    {
      connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
      prefix: env.QUEUE_PREFIX,
      concurrency: Number(env.NAIVE_CONCURRENCY ?? 20),
    },
  );
  process.once('SIGTERM', () => void worker.close().finally(() => process.exit(0)));
  void worker.waitUntilReady().then(() => console.log(NAIVE_READY));
}

if (require.main === module) main();
