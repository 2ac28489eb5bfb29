import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from './fakes/fake-twilio';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

const TWILIO = { accountSid: `AC${'c1'.repeat(16)}`, authToken: 'circuit-twilio-auth-token' };
const CUSTOMERS = 8;

interface Health {
  circuits: Record<string, { state: string; since: string; nextProbeAt: string }>;
}

describe('a provider down for longer than its messages could retry (the circuit)', () => {
  let fake: FakeTwilio;
  let tp: TouchpointHarness;

  beforeAll(async () => {
    fake = await FakeTwilio.start(TWILIO);
    tp = await TouchpointHarness.start({
      env: {
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: fake.url,
        SMS_RATE_PER_SECOND: '50',
        // Without the circuit, every message would be `failed` after 3 calls within a second.
        SEND_MAX_ATTEMPTS: '3',
        SEND_BACKOFF_MS: '100',
        CIRCUIT_FAILURE_THRESHOLD: '3',
        CIRCUIT_PROBE_MS: '200',
        CIRCUIT_MAX_PROBE_MS: '800',
      },
    });
    const journey = {
      name: 'Outage SMS',
      stage: 'retention',
      trigger: { event: 'ping' },
      steps: [
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Still here {{ customer.id }}' } },
      ],
    };
    expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
  });
  afterAll(async () => {
    await tp?.close();
    await fake?.close();
  });

  const statuses = async () =>
    (
      await tp.db
        .selectFrom('touchpoints')
        .select('status')
        .where('channel', '=', 'sms')
        .orderBy('customer_id')
        .execute()
    ).map((r) => r.status);

  it('should hold every message while Twilio answers 503, probe it, and send each exactly once when it recovers', async () => {
    fake.goDown(503);
    for (let i = 0; i < CUSTOMERS; i++) {
      const id = `c-out-${i}`;
      await tp.request('PUT', `/v1/customers/${id}`, {
        phone: `+1628555${2000 + i}`,
        consent: { sms: true },
      });
      expect((await tp.request('POST', '/v1/events', { customerId: id, name: 'ping' })).status).toBe(202);
    }

    const health = await waitFor('the Twilio circuit open on /health', async () => {
      const res = await tp.request<Health>('GET', '/health');
      return res.body.circuits.twilio && res;
    });
    expect(health.status).toBe(200);
    expect(health.body.circuits.twilio.state).toBe('open');
    const metrics = await tp.request<string>('GET', '/metrics');
    expect(metrics.body).toContain('touchpoint_provider_circuit_open{provider="twilio"} 1');

    // Probes go one at a time, further and further apart: the outage outlives many times the 3 attempts.
    const opened = fake.requests.length;
    await waitFor('four probes', async () => fake.requests.length >= opened + 4, { timeoutMs: 15_000 });
    expect(await statuses()).toEqual(Array(CUSTOMERS).fill('scheduled'));
    expect(fake.requests.length).toBeLessThan(opened + 8);

    fake.recover();
    await waitFor('every SMS sent', async () => (await statuses()).every((s) => s === 'sent'), {
      timeoutMs: 20_000,
    });
    const perCustomer = new Map<string, number>();
    for (const m of fake.messages) perCustomer.set(m.to, (perCustomer.get(m.to) ?? 0) + 1);
    expect([...perCustomer.values()]).toEqual(Array(CUSTOMERS).fill(1));
    expect((await tp.request<Health>('GET', '/health')).body.circuits).toEqual({});
  });
});
