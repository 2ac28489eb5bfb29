import { ProviderCircuits } from '@touchpoint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCluster } from './support/redis-cluster';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

const cartJourney = {
  name: 'Cart abandonment SMS on a cluster',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: 'PT1S' },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: { body: 'Your cart is waiting: {{ event.properties.cartUrl }}' },
    },
  ],
};

describe('Touchpoint on a three-master Redis Cluster', () => {
  let cluster: RedisCluster;
  let tp: TouchpointHarness;

  beforeAll(async () => {
    cluster = await RedisCluster.start();
    tp = await TouchpointHarness.start({ env: { REDIS_CLUSTER_NODES: cluster.nodes } });
    expect((await tp.request('POST', '/v1/journeys', cartJourney)).status).toBe(201);
  });
  afterAll(async () => {
    await tp?.close();
    await cluster?.stop();
  });

  it('should run on three masters that split the slots between them', async () => {
    const masters = await cluster.masters();
    expect(masters).toHaveLength(3);
    const health = await tp.request<{ redis: string }>('GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { redis: 'up' } });
  });

  it('should send the cart SMS exactly once, counted by the rate limiter on the cluster', async () => {
    const to = '+14155550142';
    const put = await tp.request('PUT', '/v1/customers/c-cluster', { phone: to, consent: { sms: true } });
    expect(put.status).toBe(200);
    // The limiter counted the request in the cluster (it lets requests through when Redis does not answer).
    expect(put.headers.get('ratelimit')).toMatch(/^"ingest";r=\d+;t=\d+$/);
    const ingest = await tp.request('POST', '/v1/events', {
      id: 'evt-cluster-1',
      customerId: 'c-cluster',
      name: 'cart_abandoned',
      properties: { cartUrl: 'https://shop.example/cart/1' },
    });
    expect(ingest).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });

    const sandbox = async () =>
      (
        await tp.request<{ items: { body: string }[] }>(
          'GET',
          `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(to)}`,
        )
      ).body.items;
    const [message] = await waitFor('the SMS in the sandbox', async () => {
      const items = await sandbox();
      return items.length > 0 && items;
    });
    expect(message.body).toBe('Your cart is waiting: https://shop.example/cart/1');
    await waitFor('the touchpoint to be sent', async () => {
      const res = await tp.request<{ items: { status: string }[] }>(
        'GET',
        '/v1/customers/c-cluster/touchpoints',
      );
      return res.body.items[0]?.status === 'sent';
    });
    // The reconciler finds every job where it should be (its pipelined EXISTS spans no slots) and adds none.
    const report = await tp.reconciler().tick();
    expect(report).toMatchObject({
      redisReset: false,
      requeuedSteps: 0,
      requeuedSends: 0,
      requeuedEvents: 0,
    });
    expect(await sandbox()).toHaveLength(1);
  });

  it("should open and close a provider's circuit with scripts whose keys share a slot", async () => {
    const circuits = tp.app.get(ProviderCircuits);
    let verdict = { open: false, retryInMs: 0 };
    for (let i = 0; i < tp.config.CIRCUIT_FAILURE_THRESHOLD; i++) {
      verdict = await circuits.failed('cluster-provider', false);
    }
    expect(verdict.open).toBe(true);
    expect((await circuits.open()).map((c) => c.provider)).toEqual(['cluster-provider']);
    await circuits.answered('cluster-provider');
    expect(await circuits.open()).toEqual([]);
  });
});
