import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from './fakes/fake-twilio';
import { OwnPostgres } from './support/own-postgres';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

const TWILIO = { accountSid: `AC${'e7'.repeat(16)}`, authToken: 'pg-outage-twilio-auth-token' };
/** A request must be answered within this, database or no database: a hung one aborts and fails the test. */
const BOUND_MS = 7_000;
const CUSTOMERS = 6;

describe('PostgreSQL stopped while messages are being sent', () => {
  let pg: OwnPostgres;
  let fake: FakeTwilio;
  let tp: TouchpointHarness;

  beforeAll(async () => {
    pg = await OwnPostgres.create();
    fake = await FakeTwilio.start(TWILIO);
    tp = await TouchpointHarness.start({
      env: {
        DATABASE_URL: pg.url,
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: fake.url,
        SMS_RATE_PER_SECOND: '50',
        SEND_MAX_ATTEMPTS: '2',
        SEND_TIMEOUT_MS: '2000',
        // A send whose `sent` could not be written is looked up at Twilio this soon after.
        SENDING_TIMEOUT_MS: '3000',
        SEND_SETTLE_DELAY_MS: '300',
      },
    });
    const journey = {
      name: 'Outage SMS',
      stage: 'retention',
      trigger: { event: 'ping' },
      steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hello {{ customer.id }}' } }],
    };
    expect((await tp.request('POST', '/v1/journeys', journey)).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await tp?.close();
    await fake?.close();
    await pg?.destroy();
  });

  const bounded = (path: string, init: RequestInit = {}) =>
    fetch(`${tp.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(BOUND_MS),
    });

  it('should answer 503 with Retry-After while it is down, and send each message exactly once when it is back', async () => {
    const ids = Array.from({ length: CUSTOMERS }, (_, i) => `c-pg-${i}`);
    for (const [i, id] of ids.entries()) {
      await tp.request('PUT', `/v1/customers/${id}`, {
        phone: `+1628555${3000 + i}`,
        consent: { sms: true },
      });
    }
    // Slow answers: the stop lands while sends are in Twilio's hands, before `sent` is written.
    fake.latencyMs = 800;
    for (const id of ids) {
      expect(
        (await tp.request('POST', '/v1/events', { id: `ping-${id}`, customerId: id, name: 'ping' })).status,
      ).toBe(202);
    }
    await waitFor('a send in flight', async () => fake.requests.length > 0);
    await pg.stop();

    const list = await bounded('/v1/journeys');
    expect(list.status).toBe(503);
    expect(list.headers.get('content-type')).toContain('application/problem+json');
    expect(list.headers.get('retry-after')).toBe('5');
    expect(await list.json()).toMatchObject({ status: 503, type: expect.stringContaining('unavailable') });
    const ingest = await bounded('/v1/events', {
      method: 'POST',
      body: JSON.stringify({ id: 'ping-late', customerId: 'c-pg-late', name: 'ping' }),
    });
    expect(ingest.status).toBe(503);
    const health = await bounded('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: 'down', redis: 'up' });

    fake.latencyMs = 0;
    await pg.start();
    const statuses = async () =>
      (await tp.db.selectFrom('touchpoints').select(['customer_id', 'status']).execute()).map(
        (r) => r.status,
      );
    await waitFor(
      'every SMS settled sent',
      async () => {
        const all = await statuses().catch(() => []);
        return all.length === CUSTOMERS && all.every((s) => s === 'sent');
      },
      { timeoutMs: 45_000 },
    );
    const perPhone = new Map<string, number>();
    for (const m of fake.messages) perPhone.set(m.to, (perPhone.get(m.to) ?? 0) + 1);
    expect([...perPhone.values()]).toEqual(Array(CUSTOMERS).fill(1));
  }, 90_000);
});
