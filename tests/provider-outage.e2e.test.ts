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
  let otpJourneyId: string;

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
        // A 500 may come after Twilio stored the message: each is looked up this soon, and sent again once.
        SEND_SETTLE_DELAY_MS: '300',
      },
    });
    const otp = {
      name: 'Sign-in code',
      stage: 'retention',
      trigger: { event: 'otp_requested' },
      // A code is worth sending for a few seconds here (minutes in life); the outage outlasts it.
      expiresAfter: 'PT2S',
      steps: [{ id: 'code', type: 'send', channel: 'sms', template: { body: 'Your code: 4711' } }],
    };
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', otp);
    expect(created.status).toBe(201);
    otpJourneyId = created.body.id;
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

  const statuses = async (customerPrefix: string) =>
    (
      await tp.db
        .selectFrom('touchpoints')
        .select('status')
        .where('customer_id', 'like', `${customerPrefix}%`)
        .orderBy('customer_id')
        .execute()
    ).map((r) => r.status);
  /** Messages Twilio was asked to send (not reads of its Messages list). */
  const sends = () => fake.requests.filter((r) => r.method === 'POST').length;

  it.each([
    [503, 'says it took nothing'],
    [500, 'leaves each message in doubt'],
  ])(
    'should hold every message while Twilio answers %i (%s), probe it, and send each exactly once when it recovers',
    async (status) => {
      fake.reset();
      fake.goDown(status);
      for (let i = 0; i < CUSTOMERS; i++) {
        const id = `c-out-${status}-${i}`;
        await tp.request('PUT', `/v1/customers/${id}`, {
          phone: `+1628${status}${2000 + i}`,
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
      const opened = sends();
      await waitFor('four probes', async () => sends() >= opened + 4, { timeoutMs: 15_000 });
      // Waiting (`scheduled`), or in doubt after a 500 (`sending`, to be looked up): none `failed`, none sent.
      for (const s of await statuses(`c-out-${status}-`)) expect(['scheduled', 'sending']).toContain(s);
      expect(sends()).toBeLessThan(opened + 8);

      fake.recover();
      await waitFor(
        'every SMS sent',
        async () => (await statuses(`c-out-${status}-`)).every((s) => s === 'sent'),
        {
          timeoutMs: 20_000,
        },
      );
      const perCustomer = new Map<string, number>();
      for (const m of fake.messages) perCustomer.set(m.to, (perCustomer.get(m.to) ?? 0) + 1);
      expect([...perCustomer.values()]).toEqual(Array(CUSTOMERS).fill(1));
      expect((await tp.request<Health>('GET', '/health')).body.circuits).toEqual({});
    },
  );

  it('should expire a message held past its expiresAfter by the outage, and never send it late', async () => {
    fake.goDown(503);
    const phone = '+16285559000';
    await tp.request('PUT', '/v1/customers/c-otp', { phone, consent: { sms: true } });
    expect(
      (await tp.request('POST', '/v1/events', { customerId: 'c-otp', name: 'otp_requested' })).status,
    ).toBe(202);

    const expired = await waitFor('the code expired', async () => {
      const row = await tp.db
        .selectFrom('touchpoints')
        .select(['id', 'status', 'error'])
        .where('journey_id', '=', otpJourneyId)
        .executeTakeFirst();
      return row?.status === 'expired' && row;
    });
    expect(expired.error).toBe('expired');
    fake.recover();
    // The code's send job, if it still ran, finds nothing to send; the next message through proves the queue moved.
    await tp.request('PUT', '/v1/customers/c-after', { phone: '+16285559001', consent: { sms: true } });
    await tp.request('POST', '/v1/events', { customerId: 'c-after', name: 'ping' });
    await waitFor('the next SMS sent', async () => fake.messages.some((m) => m.to === '+16285559001'));
    expect(fake.messages.filter((m) => m.to === phone)).toEqual([]);
    const stats = await tp.request<{ touchpoints: { expired: number; sent: number } }>(
      'GET',
      `/v1/journeys/${otpJourneyId}/stats`,
    );
    expect(stats.body.touchpoints).toMatchObject({ expired: 1, sent: 0 });
  });
});
