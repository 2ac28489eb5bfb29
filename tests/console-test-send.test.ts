import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}
interface TestSend {
  id: string;
  mode: string;
  provider: string;
  status: string;
  rendered: Record<string, string>;
}

const smsTemplate = {
  body: 'Hi {{ customer.attributes.firstName }}',
  locales: { fa: { body: '{{ customer.attributes.firstName }}، سبد خرید شما منتظر است' } },
};

/** "Send me a test" in the sandbox, and the Liquid paths a journey's recent enrollments carried. */
describe('test sends and template variables for the console', () => {
  let tp: TouchpointHarness;
  let marketer: string;
  let analyst: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: true });
    [marketer, analyst] = [await tp.keyFor('marketer'), await tp.keyFor('analyst')];
    const sara = await tp.request('PUT', '/v1/customers/c-sara', {
      phone: '+989121234567',
      locale: 'fa-IR',
      attributes: { firstName: 'سارا', address: { city: 'Tehran' }, tags: ['vip'] },
    });
    expect(sara.status).toBe(200);
  });
  afterAll(() => tp?.close());

  describe('POST /v1/templates/test-send', () => {
    it('should keep a test in the sandbox as a test send, not a touchpoint', async () => {
      const res = await tp.request<TestSend>(
        'POST',
        '/v1/templates/test-send',
        { channel: 'sms', template: smsTemplate, customer: { id: 'c-sara' }, to: '+989350000001' },
        { key: marketer },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toMatch(/^"writes";/);
      expect(res.body).toEqual({
        id: expect.any(String),
        mode: 'sandbox',
        provider: 'sandbox',
        status: 'sent',
        error: null,
        rendered: { body: 'سارا، سبد خرید شما منتظر است' },
      });
      const stored = await tp.db.selectFrom('test_sends').selectAll().where('id', '=', res.body.id).execute();
      expect(stored).toEqual([
        expect.objectContaining({ channel: 'sms', to: '+989350000001', mode: 'sandbox', status: 'sent' }),
      ]);
      const inbox = await tp.db
        .selectFrom('sandbox_messages')
        .select(['touchpoint_id', 'test_send_id', 'body'])
        .where('to', '=', '+989350000001')
        .execute();
      expect(inbox).toEqual([
        { touchpoint_id: null, test_send_id: res.body.id, body: 'سارا، سبد خرید شما منتظر است' },
      ]);
      expect(await tp.count('touchpoints')).toBe(0);
      const listed = await tp.request<{ items: { to: string; test: boolean }[] }>(
        'GET',
        '/v1/sandbox/messages?to=%2B989350000001',
      );
      expect(listed.body.items).toEqual([expect.objectContaining({ test: true })]);
    });

    it('should send an email to a typed customer', async () => {
      const res = await tp.request<TestSend>('POST', '/v1/templates/test-send', {
        channel: 'email',
        template: { subject: 'For {{ customer.attributes.firstName }}', html: '<p>Hi</p>' },
        customer: { locale: 'en', attributes: { firstName: 'Ana' } },
        to: 'me@example.com',
      });
      expect(res.status).toBe(200);
      expect(res.body.rendered).toEqual({ subject: 'For Ana', html: '<p>Hi</p>' });
    });

    it('should refuse a bad address naming `to`, and write nothing', async () => {
      const before = await tp.count('test_sends');
      for (const [channel, to] of [
        ['sms', 'me@example.com'],
        ['email', '+989350000001'],
        ['push', 'someone'],
      ] as const) {
        const template = channel === 'email' ? { subject: 's', html: 'h' } : { title: 't', body: 'b' };
        const res = await tp.request<Problem>('POST', '/v1/templates/test-send', {
          channel,
          template: channel === 'sms' ? { body: 'b' } : template,
          to,
        });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.body.errors?.map((e) => e.path)).toEqual(['to']);
      }
      const brokenTemplate = await tp.request<Problem>('POST', '/v1/templates/test-send', {
        channel: 'sms',
        template: { body: '{{ customer.name ' },
        to: '+989350000001',
      });
      expect(brokenTemplate.body.errors?.[0].path).toBe('template.body');
      expect(await tp.count('test_sends')).toBe(before);
    });

    it('should be for marketers and admins only', async () => {
      const res = await tp.request(
        'POST',
        '/v1/templates/test-send',
        { channel: 'sms', template: { body: 'x' }, to: '+989350000001' },
        { key: analyst },
      );
      expect(res.status).toBe(403);
    });
  });

  describe('GET /v1/templates/variables', () => {
    it('should list the paths the journey’s latest enrollments carried, the most common first', async () => {
      const created = await tp.request<{ id: string }>('POST', '/v1/journeys', {
        name: 'Cart',
        stage: 'decision',
        trigger: { event: 'cart_abandoned' },
        steps: [{ id: 'wait', type: 'wait', duration: 'P1D' }],
      });
      expect(created.status).toBe(201);
      const empty = await tp.request('GET', `/v1/templates/variables?journeyId=${created.body.id}`);
      expect(empty.body).toEqual({ customer: [], event: [], sampled: 0 });
      await tp.request('PUT', '/v1/customers/c-sam', { attributes: { firstName: 'Sam' } });
      for (const [customerId, properties] of [
        ['c-sara', { cartUrl: 'https://shop/1', total: 12, items: [{ sku: 'a' }] }],
        ['c-sam', { cartUrl: 'https://shop/2', coupon: { code: 'X' }, 'not a name': 1 }],
      ] as const) {
        const res = await tp.request('POST', '/v1/events', {
          customerId,
          name: 'cart_abandoned',
          properties,
        });
        expect(res.status).toBe(202);
      }
      await waitFor('both customers enrolled', async () => (await tp.count('enrollments')) === 2);
      const res = await tp.request('GET', `/v1/templates/variables?journeyId=${created.body.id}`, undefined, {
        key: marketer,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        customer: [
          'customer.attributes.firstName',
          'customer.attributes.address.city',
          'customer.attributes.tags',
        ],
        event: [
          'event.properties.cartUrl',
          'event.properties.coupon.code',
          'event.properties.items',
          'event.properties.total',
        ],
        sampled: 2,
      });
    });

    it('should name a bad journeyId and 404 an unknown journey', async () => {
      const bad = await tp.request<Problem>('GET', '/v1/templates/variables?journeyId=nope');
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0].path).toBe('journeyId');
      const unknown = await tp.request('GET', `/v1/templates/variables?journeyId=${crypto.randomUUID()}`);
      expect(unknown.status).toBe(404);
      const analystRes = await tp.request(
        'GET',
        `/v1/templates/variables?journeyId=${crypto.randomUUID()}`,
        undefined,
        {
          key: analyst,
        },
      );
      expect(analystRes.status).toBe(403);
    });
  });
});
