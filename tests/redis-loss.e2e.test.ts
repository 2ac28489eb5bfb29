import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

// Its own Redis logical database: FLUSHDB here must not touch another suite's queues.
const REDIS_DB = 11;

describe('a Redis that loses everything', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    // Only the test ticks the reconciler: the scheduler's own tick (every 250 ms in the other suites) would
    // race it to the reset, and the report of whichever came second would say nothing was lost.
    tp = await TouchpointHarness.start({ redisDb: REDIS_DB, env: { SCHEDULER_TICK_MS: '3600000' } });
    const res = await tp.request('POST', '/v1/journeys', {
      name: 'Cart SMS',
      stage: 'decision',
      trigger: { event: 'cart_abandoned' },
      exitOn: ['order_completed'],
      steps: [
        { id: 'wait', type: 'wait', duration: 'PT3S' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Your cart is waiting' } },
      ],
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => tp?.close());

  it('should still send the waiting step exactly once after FLUSHDB', async () => {
    await tp.request('PUT', '/v1/customers/c-flush', { phone: '+14155550123', consent: { sms: true } });
    await tp.request('POST', '/v1/events', {
      id: 'evt-flush',
      customerId: 'c-flush',
      name: 'cart_abandoned',
    });
    const step = await waitFor('the queued step', () =>
      tp.db.selectFrom('scheduled_steps').selectAll().where('status', '=', 'queued').executeTakeFirst(),
    );
    expect(await tp.stepJob(step.id, step.due_at)).toBeDefined();

    const redis = await tp.redis();
    await redis.flushdb();
    await redis.quit();
    expect(await tp.stepJob(step.id, step.due_at)).toBeUndefined();

    const report = await tp.reconciler().tick();
    expect(report).toMatchObject({ redisReset: true, requeuedSteps: 1 });
    expect(await tp.stepJob(step.id, step.due_at)).toBeDefined();

    const messages = await waitFor('the SMS after the flush', async () => {
      const res = await tp.request<{ items: { to: string }[] }>('GET', '/v1/sandbox/messages?channel=sms');
      return res.body.items.length > 0 && res.body.items;
    });
    expect(messages).toEqual([expect.objectContaining({ to: '+14155550123' })]);
    await tp.reconciler().tick();
    const after = await tp.request<{ items: unknown[] }>('GET', '/v1/sandbox/messages?channel=sms');
    expect(after.body.items).toHaveLength(1);
  });

  it('should process an accepted event whose job Redis lost', async () => {
    await tp.request('PUT', '/v1/customers/c-lost-event', { phone: '+14155550124', consent: { sms: true } });
    // Pause event processing, accept the event, then lose Redis before the worker sees it.
    const { QueueGateway } = await import('@touchpoint/core');
    const events = tp.app.get(QueueGateway).events;
    await events.pause();
    const res = await tp.request('POST', '/v1/events', {
      id: 'evt-lost',
      customerId: 'c-lost-event',
      name: 'cart_abandoned',
    });
    expect(res.status).toBe(202);
    const redis = await tp.redis();
    await redis.flushdb();
    await redis.quit();

    const report = await tp.reconciler().tick();
    expect(report.requeuedEvents).toBe(1);
    await waitFor('the enrollment from the recovered event', () =>
      tp.db
        .selectFrom('enrollments')
        .selectAll()
        .where('customer_id', '=', 'c-lost-event')
        .executeTakeFirst(),
    );
  });
});
