import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { ChaosStack } from './chaos-stack';

const CUSTOMERS = 600;
// Its own Redis logical database: FLUSHDB here must not touch another suite's queues.
const REDIS_DB = 12;
/** The providers' rate limit (all workers together): a few sends in flight at once, as with a real Twilio number pool. */
const SMS_RATE = 100;
/** Sends one worker runs at once. */
const SEND_CONCURRENCY = 20;

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
        // ... and a touchpoint it left `sending` becomes `unknown` after this, never sent again.
        SENDING_TIMEOUT_MS: '6000',
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

  it('should leave every customer with exactly one SMS, or a touchpoint marked unknown by the kill', async () => {
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

    // The provider fails: 20 server errors, then 10 "slow down" with Retry-After.
    fake.failNext(20, 500);
    fake.failNext(10, 429, undefined, { 'Retry-After': '1' });

    // A worker dies mid-send (no shutdown hook runs), and comes back.
    await waitFor('a third of the SMS sent', async () => fake.messages.length >= CUSTOMERS / 3, {
      timeoutMs: 60_000,
    });
    const killed = stack.workers.get('worker-1')!;
    killed.kill('SIGKILL');
    const killedAt = new Date();
    expect(await killed.exited).toMatchObject({ signal: 'SIGKILL' });
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
      .select(['id', 'customer_id', 'status'])
      .execute();
    const unknown = touchpoints.filter((t) => t.status === 'unknown');
    const twice = [...sms].filter(([, n]) => n > 1).map(([id]) => id);
    const none = [...sms].filter(([, n]) => n === 0).map(([id]) => id);

    expect(twice).toEqual([]);
    expect(touchpoints.filter((t) => t.status !== 'sent' && t.status !== 'unknown')).toEqual([]);
    // Whoever got nothing has a touchpoint marked unknown: nothing was silently lost.
    const unknownCustomers = new Set(unknown.map((t) => t.customer_id));
    expect(none.filter((id) => !unknownCustomers.has(id))).toEqual([]);
    // A handful, and all of them claimed before the kill: they were in the killed worker's hands, so at
    // most its send concurrency (fewer under the provider's rate limit).
    expect(unknown.length).toBeLessThanOrEqual(SEND_CONCURRENCY);
    if (unknown.length > 0) {
      const claims = await tp.db
        .selectFrom('touchpoint_events')
        .select(['touchpoint_id', (eb) => eb.fn.max('at').as('at')])
        .where(
          'touchpoint_id',
          'in',
          unknown.map((t) => t.id),
        )
        .where('status', '=', 'sending')
        .groupBy('touchpoint_id')
        .execute();
      expect(claims).toHaveLength(unknown.length);
      for (const claim of claims)
        expect(new Date(claim.at).getTime()).toBeLessThanOrEqual(killedAt.getTime());
    }
    // The faults were served: 30 answers that were not a message.
    expect(fake.requests.length - fake.messages.length).toBeGreaterThanOrEqual(30);
  });
});

async function countSteps(stack: ChaosStack, status: 'queued' | 'waiting' | 'done'): Promise<number> {
  const row = await stack.tp.db
    .selectFrom('scheduled_steps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
