import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface SandboxItem {
  to: string;
  body: string;
  touchpointId: string;
}

const surveyJourney = {
  name: 'Post-purchase NPS',
  stage: 'advocacy',
  trigger: { event: 'order_delivered' },
  survey: { question: 'How likely are you to recommend <Shop> to a friend?', scale: 'nps' },
  steps: [
    {
      id: 'ask',
      type: 'send',
      channel: 'sms',
      template: { body: '{{ customer.attributes.firstName | default: "Hi" }}, rate us: {{ survey.url }}' },
    },
  ],
};

const reminderJourney = {
  name: 'Cart reminder next day',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  steps: [
    { id: 'wait', type: 'wait', duration: 'P1D' },
    { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Your cart is waiting' } },
  ],
};

describe('survey links, NPS answers and erasure, through the real worker', () => {
  let tp: TouchpointHarness;
  let journeyId: string;
  let marketer: string;
  let analyst: string;

  /** Sends the survey to `customerId` and returns the link path (`/s/…`) the message carried. */
  const surveyLinkFor = async (customerId: string, phone: string, locale: string, firstName: string) => {
    await tp.request('PUT', `/v1/customers/${customerId}`, {
      phone,
      email: `${firstName.toLowerCase()}@example.com`,
      locale,
      attributes: { firstName, city: `${firstName}abad` },
      consent: { sms: true },
    });
    expect(
      (
        await tp.request('POST', '/v1/events', {
          customerId,
          name: 'order_delivered',
          properties: { email: `${firstName.toLowerCase()}@example.com`, orderId: 'o-1' },
        })
      ).status,
    ).toBe(202);
    const message = await waitFor(`the survey SMS to ${phone}`, async () => {
      const res = await tp.request<{ items: SandboxItem[] }>(
        'GET',
        `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(phone)}`,
      );
      return res.body.items[0];
    });
    const path = /\/s\/[\w.-]+/.exec(message.body)?.[0];
    expect(path, message.body).toBeDefined();
    return { path: path as string, touchpointId: message.touchpointId };
  };

  const post = (path: string, body: string, contentType: string) =>
    fetch(`${tp.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeAll(async () => {
    tp = await TouchpointHarness.start();
    marketer = await tp.keyFor('marketer');
    analyst = await tp.keyFor('analyst');
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', surveyJourney);
    expect(res.status).toBe(201);
    journeyId = res.body.id;
  });
  afterAll(() => tp?.close());

  describe('the survey link', () => {
    let link: { path: string; touchpointId: string };

    beforeAll(async () => {
      link = await surveyLinkFor('c-fa', '+989121110000', 'fa-IR', 'Nasrin');
    });

    it('should show a page in the customer’s language and direction with the 0–10 scale, no script needed', async () => {
      const res = await fetch(`${tp.url}${link.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).toContain('<html lang="fa" dir="rtl">');
      expect(html.match(/<input type="radio" name="score" value="\d+"/g)).toHaveLength(11);
      expect(html).toContain('<form method="post">');
      expect(html).toContain('<textarea id="comment" name="comment"');
      expect(html).toContain('How likely are you to recommend &lt;Shop&gt; to a friend?');
      expect(html).toContain('ارسال');
      expect(html).not.toMatch(/<script/i);
    });

    it('should answer 403 to a tampered link and record nothing', async () => {
      const [id, sig] = link.path.slice(3).split('.');
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
      const otherId = `${id.slice(0, -2)}${id.endsWith('AA') ? 'BA' : 'AA'}`;
      for (const path of [`/s/${id}.${flipped}`, `/s/${otherId}.${sig}`, `/s/${id}`, '/s/nonsense']) {
        expect((await fetch(`${tp.url}${path}`)).status, path).toBe(403);
        const res = await post(path, JSON.stringify({ score: 10 }), 'application/json');
        expect(res.status, path).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect(await answers()).toBe(0);
    });

    it('should refuse a score outside 0–10 and keep the link usable', async () => {
      const res = await post(link.path, JSON.stringify({ score: 11 }), 'application/json');
      expect(res.status).toBe(400);
      const form = await post(link.path, 'comment=no+score', 'application/x-www-form-urlencoded');
      expect(form.status).toBe(400);
      expect(await form.text()).toContain('role="alert"');
      expect(await answers()).toBe(0);
    });

    it('should record the answer once, as a survey touchpoint linked to the one that carried the link', async () => {
      const res = await post(
        link.path,
        JSON.stringify({ score: 9, comment: 'خیلی خوب بود، ممنون' }),
        'application/json',
      );
      expect(res.status).toBe(201);
      const body = (await res.json()) as { id: string; score: number };
      expect(body.score).toBe(9);
      const row = await tp.db
        .selectFrom('touchpoints')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        channel: 'survey',
        status: 'answered',
        score: 9,
        comment: 'خیلی خوب بود، ممنون',
        survey_of: link.touchpointId,
        journey_id: journeyId,
        stage: 'advocacy',
        customer_id: 'c-fa',
      });

      const again = await post(link.path, JSON.stringify({ score: 0 }), 'application/json');
      expect(again.status).toBe(409);
      const viaForm = await post(link.path, 'score=0', 'application/x-www-form-urlencoded');
      expect(viaForm.status).toBe(409);
      const page = await fetch(`${tp.url}${link.path}`);
      expect(page.status).toBe(409);
      expect(await page.text()).toContain('dir="rtl"');
      expect(await answers()).toBe(1);
    });

    it('should take the page’s own form post and count both answers in the journey’s NPS', async () => {
      const second = await surveyLinkFor('c-en', '+989121110001', 'en', 'Sam');
      const res = await post(
        second.path,
        'score=7&comment=Fine%2C+thanks',
        'application/x-www-form-urlencoded',
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Thank you for your answer.');
      const stats = await tp.request<{ nps: unknown; touchpoints: { answered: number } }>(
        'GET',
        `/v1/journeys/${journeyId}/stats`,
        undefined,
        { key: analyst },
      );
      expect(stats.body.nps).toEqual({ responses: 2, promoters: 1, passives: 1, detractors: 0, score: 50 });
      expect(stats.body.touchpoints.answered).toBe(2);
    });

    it('should show the send latency of those messages on /metrics', async () => {
      const res = await fetch(`${tp.url}/metrics`);
      const text = await res.text();
      expect(text).toMatch(/touchpoint_send_latency_seconds_count\{channel="sms",provider="[^"]+"\} [1-9]/);
      expect(text).toContain('# TYPE touchpoint_provider_errors_total counter');
      expect(text).toMatch(/touchpoint_touchpoints\{channel="survey",status="answered"\} 2/);
    });
  });

  describe('erasure', () => {
    const secrets = ['Parisa', 'parisa@example.com', '+989121119999'];

    /** Rows anywhere that still mention the customer's name, address, number or city. */
    const traces = async () => {
      const found: string[] = [];
      for (const table of [
        'customers',
        'events',
        'touchpoints',
        'touchpoint_events',
        'sandbox_messages',
        'enrollments',
      ]) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(table)} x
          where x::text ilike any (${secrets.map((s) => `%${s}%`)}::text[])`.execute(tp.db);
        if (rows[0].n > 0) found.push(`${table}: ${rows[0].n}`);
      }
      return found;
    };

    it('should erase contact details and attributes everywhere and leave the counts as they were', async () => {
      const link = await surveyLinkFor('parisa@example.com', '+989121119999', 'fa', 'Parisa');
      expect(
        (
          await post(
            link.path,
            JSON.stringify({ score: 3, comment: 'Parisa from Shiraz, call +989121119999' }),
            'application/json',
          )
        ).status,
      ).toBe(201);
      const reminder = await tp.request<{ id: string }>('POST', '/v1/journeys', reminderJourney);
      await tp.request('POST', '/v1/events', { customerId: 'parisa@example.com', name: 'cart_abandoned' });
      await waitFor('the reminder to be scheduled', async () => {
        const { items } = (
          await tp.request<{ items: { status: string }[] }>(
            'GET',
            `/v1/touchpoints?journeyId=${reminder.body.id}&customerId=parisa%40example.com`,
          )
        ).body;
        return items[0]?.status === 'scheduled';
      });
      expect(await traces()).not.toEqual([]);
      const statsBefore = (await tp.request('GET', `/v1/journeys/${journeyId}/stats`)).body;
      const counts = { touchpoints: await tp.count('touchpoints'), events: await tp.count('events') };

      const id = encodeURIComponent('parisa@example.com');
      expect((await tp.request('DELETE', `/v1/customers/${id}`, undefined, { key: analyst })).status).toBe(
        403,
      );
      expect((await tp.request('DELETE', `/v1/customers/${id}`, undefined, { key: marketer })).status).toBe(
        204,
      );
      expect((await tp.request('DELETE', `/v1/customers/${id}`, undefined, { key: marketer })).status).toBe(
        404,
      );
      expect((await tp.request('GET', `/v1/customers/${id}`)).status).toBe(404);
      expect((await tp.request('GET', `/v1/customers/${id}/journey-map`)).status).toBe(404);

      expect(await traces()).toEqual([]);
      expect((await tp.request('GET', `/v1/journeys/${journeyId}/stats`)).body).toEqual(statsBefore);
      expect({ touchpoints: await tp.count('touchpoints'), events: await tp.count('events') }).toEqual(
        counts,
      );
      // What was still to come is cancelled, not sent to a blank customer.
      const pending = await tp.db
        .selectFrom('touchpoints')
        .select(['status', 'customer_id'])
        .where('journey_id', '=', reminder.body.id)
        .executeTakeFirstOrThrow();
      expect(pending.status).toBe('cancelled');
      expect(pending.customer_id).toMatch(/^erased-/);
      // The other customers are untouched.
      expect((await tp.request<{ email: string }>('GET', '/v1/customers/c-fa')).body.email).toBe(
        'nasrin@example.com',
      );
    });
  });

  const answers = async () =>
    Number(
      (
        await tp.db
          .selectFrom('touchpoints')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('channel', '=', 'survey')
          .executeTakeFirstOrThrow()
      ).n,
    );
});
