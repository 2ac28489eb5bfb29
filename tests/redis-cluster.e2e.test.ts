import { ALL_QUEUES, ProviderCircuits, QUEUE, QueueGateway, shardPrefixes } from '@touchpoint/core';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio, twilioError } from './fakes/fake-twilio';
import { RedisCluster } from './support/redis-cluster';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';
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

/** A queue prefix whose shards' hash tags are served by `shards` different masters of the cluster. */
async function prefixOverMasters(cluster: RedisCluster, shards: number): Promise<string> {
  for (;;) {
    const prefix = `{tp-cluster-${randomBytes(4).toString('hex')}}`;
    const masters = await Promise.all(shardPrefixes(prefix, shards).map((p) => cluster.masterOf(p)));
    if (new Set(masters).size === shards) return prefix;
  }
}

let cluster: RedisCluster;
beforeAll(async () => {
  cluster = await RedisCluster.start();
});
afterAll(() => cluster?.stop());

describe('Touchpoint on a three-master Redis Cluster, its queues in three shards', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({
      env: {
        REDIS_CLUSTER_NODES: cluster.nodes,
        QUEUE_SHARDS: '3',
        QUEUE_PREFIX: await prefixOverMasters(cluster, 3),
      },
    });
    expect((await tp.request('POST', '/v1/journeys', cartJourney)).status).toBe(201);
  });
  afterAll(() => tp?.close());

  it('should run on three masters that split the slots between them', async () => {
    const masters = await cluster.masters();
    expect(masters).toHaveLength(3);
    expect(masters.flatMap((m) => m.slots).reduce((n, [from, to]) => n + to - from + 1, 0)).toBe(16_384);
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

  it('should send each of many SMS exactly once, through queues spread over the three masters', async () => {
    const customers = Array.from({ length: 36 }, (_, i) => ({
      id: `c-spread-${i}`,
      phone: `+1415555${String(1000 + i)}`,
    }));
    for (const c of customers) {
      const put = await tp.request('PUT', `/v1/customers/${c.id}`, {
        phone: c.phone,
        consent: { sms: true },
      });
      expect(put.status).toBe(200);
    }
    const ingest = await tp.request('POST', '/v1/events', {
      events: customers.map((c) => ({
        customerId: c.id,
        name: 'cart_abandoned',
        properties: { cartUrl: c.id },
      })),
    });
    expect(ingest).toMatchObject({ status: 202, body: { accepted: 36 } });
    const sms = async () =>
      (await tp.request<{ items: { to: string }[] }>('GET', '/v1/sandbox/messages?channel=sms&limit=200'))
        .body.items;
    await waitFor(
      'the 36 SMS',
      async () => (await sms()).filter((m) => m.to.startsWith('+14155551')).length >= 36,
    );
    await tp.reconciler().tick();
    const sent = (await sms()).map((m) => m.to).filter((to) => to.startsWith('+14155551'));
    expect(sent.sort()).toEqual(customers.map((c) => c.phone).sort());

    // Each shard's keys sit on the master serving its hash tag, three masters in all, and each shard decided
    // and sent some of the SMS (its steps queue's event stream recorded completed jobs: 36 ids over 3 shards).
    const prefixes = tp.app.get(QueueGateway).shards.prefixes;
    const masters = await Promise.all(prefixes.map((p) => cluster.masterOf(p)));
    expect(new Set(masters).size).toBe(3);
    for (const [i, prefix] of prefixes.entries()) {
      const keys = await cluster.keysOn(masters[i], `${prefix}:*`);
      expect(keys).toEqual(
        expect.arrayContaining([`${prefix}:steps:events`, `${prefix}:touchpoint:sentinel`]),
      );
    }
  });

  it("should list every shard's queues on Bull Board", async () => {
    const admin = Buffer.from(`admin:${ADMIN_KEY}`).toString('base64');
    const res = await fetch(`${tp.url}/admin/queues/api/queues`, {
      headers: { authorization: `Basic ${admin}` },
    });
    expect(res.status).toBe(200);
    const { queues } = (await res.json()) as { queues: { name: string }[] };
    const [, second, third] = tp.app.get(QueueGateway).shards.prefixes;
    expect(queues.map((q) => q.name).sort()).toEqual(
      ALL_QUEUES.flatMap((name) => [name, `${second}:${name}`, `${third}:${name}`]).sort(),
    );
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

describe('Touchpoint on a three-master Redis Cluster, with one shard (the default)', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ env: { REDIS_CLUSTER_NODES: cluster.nodes } });
    expect((await tp.request('POST', '/v1/journeys', cartJourney)).status).toBe(201);
  });
  afterAll(() => tp?.close());

  it('should keep every queue under QUEUE_PREFIX and send the cart SMS exactly once', async () => {
    const to = '+14155550143';
    await tp.request('PUT', '/v1/customers/c-one-shard', { phone: to, consent: { sms: true } });
    await tp.request('POST', '/v1/events', {
      customerId: 'c-one-shard',
      name: 'cart_abandoned',
      properties: {},
    });
    const sms = async () =>
      (
        await tp.request<{ items: unknown[] }>(
          'GET',
          `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(to)}`,
        )
      ).body.items;
    await waitFor('the SMS', async () => (await sms()).length > 0);
    expect(await tp.reconciler().tick()).toMatchObject({ redisReset: false, requeuedSends: 0 });
    expect(await sms()).toHaveLength(1);
    expect(tp.app.get(QueueGateway).shards.prefixes).toEqual([tp.config.QUEUE_PREFIX]);
    const prefix = tp.config.QUEUE_PREFIX;
    expect(await cluster.keysOn(await cluster.masterOf(prefix), `${prefix}:*`)).toContain(
      `${prefix}:steps:events`,
    );
  });
});

describe("a provider's Retry-After with the queues in three shards on the cluster", () => {
  const twilio = { accountSid: `AC${'c7'.repeat(16)}`, authToken: 'cluster-twilio-auth-token' };
  let fake: FakeTwilio;
  let tp: TouchpointHarness;

  beforeAll(async () => {
    fake = await FakeTwilio.start(twilio);
    tp = await TouchpointHarness.start({
      env: {
        REDIS_CLUSTER_NODES: cluster.nodes,
        QUEUE_SHARDS: '3',
        QUEUE_PREFIX: await prefixOverMasters(cluster, 3),
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: fake.url,
      },
    });
    const journey = {
      name: 'Ping SMS',
      stage: 'retention',
      trigger: { event: 'ping' },
      steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Pong' } }],
    };
    expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
  });
  afterAll(async () => {
    await tp?.close();
    await fake?.close();
  });

  it('should pause every shard of the SMS queue, and send the limited message once afterwards', async () => {
    fake.failNext(1, 429, twilioError(429, 20429, 'Too Many Requests'), { 'Retry-After': '3' });
    const to = '+14155550144';
    await tp.request('PUT', '/v1/customers/c-limited', { phone: to, consent: { sms: true } });
    await tp.request('POST', '/v1/events', { customerId: 'c-limited', name: 'ping' });

    const shards = tp.app.get(QueueGateway).shards.of(QUEUE.send.sms);
    expect(shards).toHaveLength(3);
    await waitFor('every SMS shard paused', async () =>
      (await Promise.all(shards.map((q) => q.getRateLimitTtl()))).every((ttl) => ttl > 0),
    );
    await waitFor('the SMS after the pause', async () => fake.messages.some((m) => m.to === to));
    const requests = fake.requests.filter((r) => r.form.To === to);
    expect(requests).toHaveLength(2);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(2_990);
    expect(fake.messages.filter((m) => m.to === to)).toHaveLength(1);
  });
});
