import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { tellTouchpoint } from './support/touchpoint-story';

interface Detail {
  id: string;
  to: string | null;
  text: string | null;
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
  errorMessage: string | null;
  message: Record<string, unknown> | null;
  events: { status: string; at: string }[];
}

describe('GET /v1/touchpoints/{id}: one touchpoint, its trail and the message the customer saw', () => {
  let tp: TouchpointHarness;
  let analyst: string;
  let marketer: string;
  let failedId: string;
  let emailId: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    analyst = await tp.keyFor('analyst');
    marketer = await tp.keyFor('marketer');
    const journey = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Cart',
      stage: 'decision',
      trigger: { event: 'cart_abandoned' },
      steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'x' } }],
    });
    const base = { journeyId: journey.body.id, stage: 'decision', customerId: 'c-1', at: new Date() };
    failedId = await tellTouchpoint(tp, {
      ...base,
      stepId: 'sms',
      channel: 'sms',
      to: '+989121234567',
      rendered: { channel: 'sms', body: 'سارا، سبد خرید شما منتظر است. +989121234567' },
      trail: ['sending', 'failed'],
      provider: 'twilio',
      error: { code: '21610', message: 'Attempt to send to unsubscribed recipient +989121234567' },
    });
    emailId = await tellTouchpoint(tp, {
      ...base,
      stepId: 'mail',
      channel: 'email',
      to: 'sara@example.com',
      rendered: { channel: 'email', subject: 'Your cart', html: '<p>Hi sara@example.com</p>' },
      trail: ['sending', 'sent', 'delivered'],
      provider: 'sendgrid',
      providerMessageId: 'sg-1',
    });
  });
  afterAll(() => tp?.close());

  it('should answer the marketer with the trail, the provider and the rendered message', async () => {
    const res = await tp.request<Detail>('GET', `/v1/touchpoints/${emailId}`, undefined, { key: marketer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      to: 'sara@example.com',
      text: 'Your cart',
      provider: 'sendgrid',
      providerMessageId: 'sg-1',
      message: { subject: 'Your cart', html: '<p>Hi sara@example.com</p>' },
    });
    expect(res.body.events.map((e) => e.status)).toEqual(['scheduled', 'sending', 'sent', 'delivered']);
  });

  it('should mask every address for the analyst: the recipient, the message and the error text', async () => {
    const res = await tp.request<Detail>('GET', `/v1/touchpoints/${failedId}`, undefined, { key: analyst });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('+989121234567');
    expect(res.body).toMatchObject({
      to: '+98912•••4567',
      text: 'سارا، سبد خرید شما منتظر است. +98912•••4567',
      error: '21610',
      errorMessage: 'Attempt to send to unsubscribed recipient +98912•••4567',
      message: { body: 'سارا، سبد خرید شما منتظر است. +98912•••4567' },
    });
    const mail = await tp.request<Detail>('GET', `/v1/touchpoints/${emailId}`, undefined, { key: analyst });
    expect(JSON.stringify(mail.body)).not.toContain('sara@example.com');
  });

  it('should list the headline text in the log and the CSV export', async () => {
    const page = await tp.request<{ items: Detail[] }>('GET', '/v1/touchpoints?channel=email', undefined, {
      key: marketer,
    });
    expect(page.body.items.map((i) => i.text)).toEqual(['Your cart']);
    const csv = await fetch(`${tp.url}/v1/touchpoints/export?format=csv&channel=sms`, {
      headers: { authorization: `Bearer ${marketer}` },
    });
    expect(await csv.text()).toContain('سارا، سبد خرید شما منتظر است. +989121234567');
  });

  it('should answer 404 for an unknown id and for one that is not a UUID, as problem+json', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await tp.request<{ status: number }>('GET', `/v1/touchpoints/${id}`, undefined, {
        key: analyst,
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
