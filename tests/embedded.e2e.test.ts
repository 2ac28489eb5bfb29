import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

describe('the embedded default (PGlite, API and worker in one process)', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ embedded: true, env: { LOAD_DEMO_JOURNEYS: 'true' } });
  });
  afterAll(() => tp?.close());

  it('should load the two demo journeys on first start', async () => {
    const res = await tp.request<{ items: { name: string; trigger: { event: string } }[] }>(
      'GET',
      '/v1/journeys',
    );
    expect(res.body.items.map((j) => j.trigger.event).sort()).toEqual(['cart_abandoned', 'order_delivered']);
  });

  it('should run a journey through ingest, wait, render and the sandbox on PGlite', async () => {
    const journey = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Quick hello',
      stage: 'awareness',
      trigger: { event: 'signed_up' },
      steps: [
        { id: 'wait', type: 'wait', duration: 'PT1S' },
        {
          id: 'hello',
          type: 'send',
          channel: 'email',
          template: { subject: 'שלום {{ customer.attributes.name }}', html: '<p>ברוכים הבאים</p>' },
        },
      ],
    });
    expect(journey.status).toBe(201);
    await tp.request('PUT', '/v1/customers/c-he', {
      email: 'dana@example.com',
      locale: 'he',
      attributes: { name: 'דנה' },
      consent: { email: true },
    });
    expect((await tp.request('POST', '/v1/events', { customerId: 'c-he', name: 'signed_up' })).status).toBe(
      202,
    );
    const [message] = await waitFor('the email in the sandbox', async () => {
      const res = await tp.request<{ items: { subject: string; to: string }[] }>(
        'GET',
        '/v1/sandbox/messages?channel=email',
      );
      return res.body.items.length > 0 && res.body.items;
    });
    expect(message).toMatchObject({ subject: 'שלום דנה', to: 'dana@example.com' });
  });
});
