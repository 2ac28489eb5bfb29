import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/process-stack';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

/** The bound an ingest request must answer within, Redis or no Redis: a hung request aborts and fails. */
const INGEST_BOUND_MS = 3_000;

/** A redis-server of this test's own, on a spare port, so killing it disturbs no other suite. */
class OwnRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // No persistence: a restart comes back empty, as a Redis that lost its data does.
    const child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    let out = '';
    await waitFor('redis-server ready', async () => {
      out += String(child.stdout?.read() ?? '');
      return out.includes('Ready to accept connections');
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

describe('Redis down while events come in', () => {
  let redis: OwnRedis;
  let tp: TouchpointHarness;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    tp = await TouchpointHarness.start({ env: { REDIS_URL: redis.url } });
    const journey = await tp.request('POST', '/v1/journeys', {
      name: 'Ping SMS',
      stage: 'retention',
      trigger: { event: 'ping' },
      steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Pong' } }],
    });
    expect(journey.status).toBe(201);
  });
  afterAll(async () => {
    await tp?.close();
    await redis?.kill();
  });

  it('should answer 202 within its bound while Redis is killed, and send each event once when Redis returns empty', async () => {
    const customers = Array.from({ length: 5 }, (_, i) => `c-outage-${i}`);
    for (const [i, id] of customers.entries()) {
      const res = await tp.request('PUT', `/v1/customers/${id}`, {
        phone: `+1415555${String(7000 + i)}`,
        consent: { sms: true },
      });
      expect(res.status).toBe(200);
    }

    await redis.kill();
    const health = await fetch(`${tp.url}/health`, { signal: AbortSignal.timeout(INGEST_BOUND_MS) });
    expect(health.status).toBe(503);
    for (const id of customers) {
      const res = await fetch(`${tp.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: `ping-${id}`, customerId: id, name: 'ping' }),
        // A request that hangs (as one did for 287 s) aborts here and fails the test.
        signal: AbortSignal.timeout(INGEST_BOUND_MS),
      });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 });
    }
    expect(await tp.count('events')).toBeGreaterThanOrEqual(customers.length);

    await redis.start();
    const sent = await waitFor(
      'one SMS per accepted event after Redis returned',
      async () => {
        const res = await tp.request<{ items: { to: string }[] }>(
          'GET',
          '/v1/sandbox/messages?channel=sms&limit=100',
        );
        return res.body.items.length >= customers.length && res.body.items;
      },
      { timeoutMs: 30_000 },
    );
    await tp.reconciler().tick();
    const again = await tp.request<{ items: { to: string }[] }>(
      'GET',
      '/v1/sandbox/messages?channel=sms&limit=100',
    );
    expect(again.body.items).toHaveLength(customers.length);
    expect(new Set(sent.map((m) => m.to)).size).toBe(customers.length);
  });
});
