import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { ChaosStack } from './chaos-stack';

const CUSTOMERS = 600;
// Its own Redis logical database: FLUSHDB here must not touch another suite's queues.
const REDIS_DB = 12;
/** The providers' rate limit (all workers together): a few sends in flight at once, as with a real Twilio number pool. */
const SMS_RATE = 100;

describe('faults: a worker killed mid-send, Redis flushed while steps wait, a provider answering 500 and 429', () => {
  let stack: ChaosStack;

  beforeAll(async () => {
    stack = await ChaosStack.start({
      redisDb: REDIS_DB,
      env: {
        SMS_RATE_PER_SECOND: String(SMS_RATE),
        SEND_BACKOFF_MS: '300',
        // A killed worker's send jobs go back to the queue after this (their lock expires) ...
        SEND_LOCK_MS: '3000',
        // ... and a touchpoint it left `sending` is looked up at the fake Twilio after this: settled `sent`
        // with the SID Twilio holds, or proven not taken and sent once; never re-sent blindly.
        SENDING_TIMEOUT_MS: '6000',
        SEND_TIMEOUT_MS: '3000',
        SEND_SETTLE_DELAY_MS: '500',
      },
    });
    await Promise.all([stack.startWorker('worker-1'), stack.startWorker('worker-2')]);
    const journey = await stack.tp.request('POST', '/v1/journeys', {
      name: 'Chaos cart SMS',
      stage: 'decision',
      trigger: { event: 'cart_abandoned' },
      steps: [
        { id: 'wait', type: 'wait', duration: 'PT4S' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Your cart is waiting' } },
      ],
    });
    expect(journey.status).toBe(201);
  });
  afterAll(() => stack?.close());

  it('should leave every customer with exactly one SMS and no unknown touchpoint, the kill settled by lookup', async () => {
    const { tp, fake } = stack;
    const customers = await stack.seedCustomers(CUSTOMERS);
    fake.latencyMs = 40;

    const posted = await tp.request<{ accepted: number }>('POST', '/v1/events', {
      events: customers.map((id) => ({ id: `cart-${id}`, customerId: id, name: 'cart_abandoned' })),
    });
    expect(posted.body.accepted).toBe(CUSTOMERS);

    // Redis loses everything while the 600 steps wait: PostgreSQL has them, the reconciler re-enqueues them.
    await waitFor('every step queued', async () => (await countSteps(stack, 'queued')) === CUSTOMERS, {
      timeoutMs: 30_000,
    });
    const redis = new Redis(tp.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.flushdb();
    await redis.quit();
    expect(fake.messages).toHaveLength(0);

    // The provider fails: 20 server errors (in doubt: looked up, then sent once), then 10 "slow down".
    fake.failNext(20, 500);
    fake.failNext(10, 429, undefined, { 'Retry-After': '1' });

    // A worker dies mid-send (no shutdown hook runs), and comes back.
    await waitFor('a third of the SMS sent', async () => fake.messages.length >= CUSTOMERS / 3, {
      timeoutMs: 60_000,
    });
    // A slower Twilio, so both workers surely hold sends Twilio has taken but not yet answered.
    fake.latencyMs = 300;
    await waitFor('sends in flight at Twilio', async () => (await countSending(stack)) >= 20);
    const killed = stack.workers.get('worker-1')!;
    killed.kill('SIGKILL');
    expect(await killed.exited).toMatchObject({ signal: 'SIGKILL' });
    fake.latencyMs = 40;
    await stack.startWorker('worker-1');

    await waitFor(
      'every touchpoint settled',
      async () => {
        const open = await tp.db
          .selectFrom('touchpoints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', ['scheduled', 'sending'])
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0 && (await tp.count('touchpoints')) === CUSTOMERS;
      },
      { timeoutMs: 120_000, everyMs: 250 },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a late duplicate would arrive now

    const sms = stack.smsPerCustomer(CUSTOMERS);
    const touchpoints = await tp.db
      .selectFrom('touchpoints')
      .select(['id', 'customer_id', 'status', 'provider_message_id'])
      .execute();
    const notOne = [...sms].filter(([, n]) => n !== 1);

    expect(notOne).toEqual([]);
    // The sends the kill left in doubt were looked up at Twilio: none stays unknown.
    expect(touchpoints.filter((t) => t.status !== 'sent')).toEqual([]);
    const sids = new Set(fake.messages.map((m) => m.sid));
    expect(touchpoints.filter((t) => !sids.has(t.provider_message_id ?? ''))).toEqual([]);
    // The kill did leave sends in doubt (claimed by the killed worker, never answered there): they were settled.
    const settled = await tp.db
      .selectFrom('touchpoint_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`detail ? 'settled'`)
      .executeTakeFirstOrThrow();
    expect(Number(settled.n)).toBeGreaterThan(0);
    // The faults were served: 30 answers that were not a message.
    expect(fake.requests.length - fake.messages.length).toBeGreaterThanOrEqual(30);
  });
});

async function countSending(stack: ChaosStack): Promise<number> {
  const row = await stack.tp.db
    .selectFrom('touchpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countSteps(stack: ChaosStack, status: 'queued' | 'waiting' | 'done'): Promise<number> {
  const row = await stack.tp.db
    .selectFrom('scheduled_steps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
