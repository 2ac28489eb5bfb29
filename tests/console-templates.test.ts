import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

describe('customer search and template preview for the console', () => {
  let tp: TouchpointHarness;
  let analyst: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    analyst = await tp.keyFor('analyst');
    for (const [id, email, phone, locale, firstName] of [
      ['c-sara', 'Sara@Example.com', '+989121234567', 'fa-IR', 'سارا'],
      ['c-sam', 'sam@example.com', '+14155550100', 'en', 'Sam'],
      ['x_1', null, null, null, 'Underscore'],
    ] as const) {
      const res = await tp.request('PUT', `/v1/customers/${id}`, {
        email,
        phone,
        locale,
        attributes: { firstName },
      });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => tp?.close());

  describe('GET /v1/customers?search=', () => {
    const ids = async (search: string, key?: string) =>
      (
        await tp.request<{ items: { id: string }[] }>(
          'GET',
          `/v1/customers?search=${encodeURIComponent(search)}`,
          undefined,
          key ? { key } : {},
        )
      ).body.items.map((c) => c.id);

    it('should match the start of an id, an email (any case) or a phone', async () => {
      expect(await ids('c-sa')).toEqual(['c-sam', 'c-sara']);
      expect(await ids('sara@')).toEqual(['c-sara']);
      expect(await ids('+98912')).toEqual(['c-sara']);
      expect(await ids('+1 415')).toEqual(['c-sam']);
      expect(await ids('nobody')).toEqual([]);
    });

    it('should find an email or phone for an analyst only whole: a prefix would unmask it digit by digit', async () => {
      expect(await ids('+98912', analyst)).toEqual([]);
      expect(await ids('+989121234567', analyst)).toEqual(['c-sara']);
      expect(await ids('sara@', analyst)).toEqual([]);
      expect(await ids('SARA@example.com', analyst)).toEqual(['c-sara']);
      expect(await ids('c-sa', analyst)).toEqual(['c-sam', 'c-sara']);
    });

    it('should take % and _ literally', async () => {
      expect(await ids('x_')).toEqual(['x_1']);
      expect(await ids('c_')).toEqual([]);
      expect(await ids('%')).toEqual([]);
    });

    it('should mask contact details for analysts', async () => {
      const res = await tp.request<{ items: { email: string; phone: string }[] }>(
        'GET',
        '/v1/customers?search=c-sara',
        undefined,
        {
          key: analyst,
        },
      );
      expect(res.body.items).toEqual([
        expect.objectContaining({ email: 'S•••@Example.com', phone: '+98912•••4567' }),
      ]);
    });

    it('should refuse a missing search naming the field', async () => {
      const res = await tp.request<Problem>('GET', '/v1/customers');
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].path).toBe('search');
    });
  });

  describe('POST /v1/templates/preview', () => {
    const smsTemplate = {
      body: 'Hi {{ customer.attributes.firstName }}, your cart: {{ event.properties.cartUrl }}',
      locales: { fa: { body: '{{ customer.attributes.firstName }}، سبد خرید شما منتظر است' } },
    };

    it('should render an SMS in the customer’s locale with its segments and encoding', async () => {
      const res = await tp.request('POST', '/v1/templates/preview', {
        channel: 'sms',
        template: smsTemplate,
        customer: { id: 'c-sara' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        locale: 'fa-IR',
        rendered: { body: 'سارا، سبد خرید شما منتظر است' },
        sms: { segments: 1, encoding: 'UCS-2', characters: 28 },
      });
      const en = await tp.request('POST', '/v1/templates/preview', {
        channel: 'sms',
        template: smsTemplate,
        customer: { id: 'c-sam' },
        event: { name: 'cart_abandoned', properties: { cartUrl: 'https://shop/c/9' } },
      });
      expect(en.body).toEqual({
        locale: 'en',
        rendered: { body: 'Hi Sam, your cart: https://shop/c/9' },
        sms: { segments: 1, encoding: 'GSM-7', characters: 35 },
      });
    });

    it('should render an email for an inline customer, escaping HTML', async () => {
      const res = await tp.request('POST', '/v1/templates/preview', {
        channel: 'email',
        template: {
          subject: 'For {{ customer.attributes.firstName }}',
          html: '<p>{{ customer.attributes.firstName }}</p>',
        },
        customer: { attributes: { firstName: '<b>Ali</b>' } },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        locale: null,
        rendered: { subject: 'For <b>Ali</b>', html: '<p>&lt;b&gt;Ali&lt;/b&gt;</p>' },
      });
    });

    it('should name the template field that is wrong, and 404 an unknown customer', async () => {
      const bad = await tp.request<Problem>('POST', '/v1/templates/preview', {
        channel: 'sms',
        template: { body: 'ok', locales: { fa: { body: '{{ customer.name ' } } },
        customer: { id: 'c-sam' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0].path).toBe('template.locales.fa.body');
      const unknownRoot = await tp.request<Problem>('POST', '/v1/templates/preview', {
        channel: 'push',
        template: { title: '{{ secrets.key }}', body: 'x' },
        customer: { id: 'c-sam' },
      });
      expect(unknownRoot.status).toBe(400);
      expect(unknownRoot.body.errors?.[0].path).toBe('template.title');
      const missing = await tp.request<Problem>('POST', '/v1/templates/preview', {
        channel: 'sms',
        template: { body: 'x' },
      });
      expect(missing.body.errors?.[0].path).toBe('customer');
      const nobody = await tp.request('POST', '/v1/templates/preview', {
        channel: 'sms',
        template: { body: 'x' },
        customer: { id: 'c-nobody' },
      });
      expect(nobody.status).toBe(404);
      expect(
        (
          await tp.request(
            'POST',
            '/v1/templates/preview',
            { channel: 'sms', template: { body: 'x' }, customer: { id: 'c-sam' } },
            { key: analyst },
          )
        ).status,
      ).toBe(403);
    });
  });
});
