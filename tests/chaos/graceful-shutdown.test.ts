import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { ChaosStack } from './chaos-stack';

const REDIS_DB = 13;

describe('a worker told to stop (SIGTERM)', () => {
  let stack: ChaosStack;
  let journeyId: string;
  let next = 0;

  beforeAll(async () => {
    stack = await ChaosStack.start({
      redisDb: REDIS_DB,
      env: { SEND_LOCK_MS: '2000', SENDING_TIMEOUT_MS: '3000', SMS_RATE_PER_SECOND: '1000' },
    });
    const res = await stack.tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Shutdown SMS',
      stage: 'decision',
      trigger: { event: 'cart_abandoned' },
      steps: [
        { id: 'wait', type: 'wait', duration: 'PT1S' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Your cart is waiting' } },
      ],
    });
    expect(res.status).toBe(201);
    journeyId = res.body.id;
  });
  afterAll(() => stack?.close());

  /** `count` new customers abandon carts; resolves once the provider has received all their SMS. */
  async function sendsInFlight(count: number): Promise<string[]> {
    const ids = await stack.seedCustomers(count, next);
    next += count;
    await stack.tp.request('POST', '/v1/events', {
      events: ids.map((id) => ({ id: `evt-${id}`, customerId: id, name: 'cart_abandoned' })),
    });
    await waitFor('the SMS at the provider', async () => stack.fake.messages.length >= next, {
      timeoutMs: 20_000,
    });
    return ids;
  }

  async function statuses(ids: string[]): Promise<string[]> {
    const rows = await stack.tp.db
      .selectFrom('touchpoints')
      .select('status')
      .where('journey_id', '=', journeyId)
      .where('customer_id', 'in', ids)
      .execute();
    return rows.map((r) => r.status);
  }

  it('should finish the sends in hand, record them, and exit 0', async () => {
    const worker = await stack.startWorker('drains', { SHUTDOWN_GRACE_MS: '10000' });
    stack.fake.latencyMs = 1_500;
    const ids = await sendsInFlight(5);
    const started = Date.now();
    const stopped = await worker.stop(20_000);
    expect(stopped).toMatchObject({ code: 0, forced: false });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await statuses(ids)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('should stop within its grace period when a send outlasts it, and never send that message again', async () => {
    const worker = await stack.startWorker('abandons', { SHUTDOWN_GRACE_MS: '1000' });
    stack.fake.latencyMs = 8_000;
    const ids = await sendsInFlight(1);
    const started = Date.now();
    const stopped = await worker.stop(20_000);
    expect(stopped).toMatchObject({ code: 1, forced: false });
    expect(Date.now() - started).toBeLessThan(1_000 + 6_000);

    // Another worker takes over the abandoned job once its lock expires: the send was handed to the
    // provider already, so the touchpoint becomes `unknown` and nothing is sent twice.
    stack.fake.latencyMs = 0;
    await stack.startWorker('takes-over');
    await waitFor('the abandoned send marked unknown', async () => (await statuses(ids))[0] === 'unknown', {
      timeoutMs: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(stack.smsPerCustomer(next).get(ids[0])).toBe(1);
  });
});
