import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/process-stack';
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
      env: {
        SEND_LOCK_MS: '2000',
        // Longer than the 3 s answer of the drain test below, which must be waited for, not given up on.
        SEND_TIMEOUT_MS: '4000',
        SENDING_TIMEOUT_MS: '5000',
        // The abandoned send's read timeout puts it in doubt; it is looked up this long after.
        SEND_SETTLE_DELAY_MS: '1000',
        SMS_RATE_PER_SECOND: '1000',
      },
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

    // The request was handed to the provider already: its read timeout (or, had the process died, the send
    // staying `sending` past SENDING_TIMEOUT_MS) leaves it in doubt, so the worker that takes over looks it
    // up there, finds it, and settles it `sent`, never sending it twice.
    stack.fake.latencyMs = 0;
    await stack.startWorker('takes-over');
    await waitFor('the abandoned send settled sent', async () => (await statuses(ids))[0] === 'sent', {
      timeoutMs: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(stack.smsPerCustomer(next).get(ids[0])).toBe(1);
  });

  it('should serve /health and /metrics on WORKER_HTTP_PORT, and answer 503 stopping while it drains', async () => {
    // Alone, so every send of this test goes through the worker observed.
    await Promise.all([...stack.workers.values()].map((w) => w.stop(20_000)));
    const port = await freePort();
    const worker = await stack.startWorker('observed', {
      WORKER_HTTP_PORT: String(port),
      SHUTDOWN_GRACE_MS: '10000',
    });
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', redis: 'up', database: 'up' });

    stack.fake.latencyMs = 0;
    await sendsInFlight(3);
    await waitFor(
      "the send latency of the three SMS on the worker's /metrics",
      async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        const count =
          /^touchpoint_send_latency_seconds_count\{channel="sms",provider="twilio"\} (\d+)$/m.exec(text);
        return Number(count?.[1] ?? 0) >= 3 && text.includes('touchpoint_process_resident_memory_bytes ');
      },
      { timeoutMs: 20_000 },
    );

    // A slow send in hand: the worker drains it, and says so to whoever checks its health meanwhile.
    stack.fake.latencyMs = 3_000;
    const before = stack.fake.messages.length;
    const ids = await stack.seedCustomers(1, next);
    next += 1;
    await stack.tp.request('POST', '/v1/events', {
      events: [{ id: `evt-${ids[0]}`, customerId: ids[0], name: 'cart_abandoned' }],
    });
    await waitFor('the slow SMS at the provider', async () => stack.fake.messages.length >= before + 1, {
      timeoutMs: 20_000,
    });
    worker.child.kill('SIGTERM');
    await waitFor(
      '/health answering 503 stopping',
      async () => {
        const res = await fetch(`${base}/health`);
        return res.status === 503 && ((await res.json()) as { status: string }).status === 'stopping';
      },
      { timeoutMs: 5_000 },
    );
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(await statuses(ids)).toEqual(['sent']);
  });
});
