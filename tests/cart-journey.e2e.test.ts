import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface SandboxItem {
  channel: string;
  to: string;
  body: string;
  touchpointId: string;
  at: string;
}
interface TouchpointItem {
  id: string;
  status: string;
  error: string | null;
  stepId: string;
  stage: string;
  channel: string;
  scheduledFor: string;
  events: { status: string; at: string }[];
}

const cartJourney = (wait: string) => ({
  name: `Cart abandonment SMS ${wait}`,
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: wait },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: {
        body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}",
        locales: {
          fa: {
            body: '{{ customer.attributes.firstName }}، سبد خرید شما منتظر است: {{ event.properties.cartUrl }}',
          },
        },
      },
    },
  ],
});

describe('the cart abandonment journey, end to end', () => {
  let tp: TouchpointHarness;
  let seq = 0;
  const phone = () => `+98912${String(1_000_000 + seq++).padStart(7, '0')}`;

  const customer = async (id: string, overrides: Record<string, unknown> = {}) => {
    const number = phone();
    const res = await tp.request('PUT', `/v1/customers/${id}`, {
      phone: number,
      locale: 'en',
      timezone: 'Asia/Tehran',
      attributes: { firstName: 'Sara' },
      consent: { sms: true },
      ...overrides,
    });
    expect(res.status).toBe(200);
    return number;
  };
  const sandbox = async (to: string) =>
    (
      await tp.request<{ items: SandboxItem[] }>(
        'GET',
        `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(to)}`,
      )
    ).body.items;
  const touchpoints = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;

  beforeAll(async () => {
    tp = await TouchpointHarness.start();
    const res = await tp.request<{ id: string; version: number; status: string }>(
      'POST',
      '/v1/journeys',
      cartJourney('PT2S'),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, status: 'active' });
  });
  afterAll(() => tp?.close());

  it('should send exactly one SMS after the wait, not before', async () => {
    const to = await customer('c-abandons');
    const sentAt = Date.now();
    const ingest = await tp.request('POST', '/v1/events', {
      id: 'evt-abandon-1',
      customerId: 'c-abandons',
      name: 'cart_abandoned',
      properties: { cartUrl: 'https://shop.example/cart/9' },
    });
    expect(ingest).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });

    const scheduled = await waitFor(
      'the scheduled touchpoint',
      async () => (await touchpoints('c-abandons'))[0],
    );
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      stepId: 'sms',
      stage: 'decision',
      channel: 'sms',
    });
    expect(await sandbox(to)).toHaveLength(0);

    const [message] = await waitFor('the SMS in the sandbox', async () => {
      const items = await sandbox(to);
      return items.length > 0 && items;
    });
    expect(Date.parse(message.at) - sentAt).toBeGreaterThanOrEqual(2_000);
    expect(message.body).toBe('Sara, your cart is waiting: 10% off with CART10 https://shop.example/cart/9');

    const [sent] = await waitFor('the touchpoint to be sent', async () => {
      const items = await touchpoints('c-abandons');
      return items[0]?.status === 'sent' && items;
    });
    expect(sent.events.map((e) => e.status)).toEqual(['scheduled', 'sending', 'sent']);
    // A second tick and any stray job must not send it again.
    await tp.reconciler().tick();
    expect(await sandbox(to)).toHaveLength(1);
  });

  it('should count an enrollment converted by its goal event, sent with the trigger or after it', async () => {
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Browse abandonment with a goal',
      stage: 'consideration',
      trigger: { event: 'browse_abandoned' },
      goal: { event: 'order_completed', within: 'P1D' },
      steps: [{ id: 'wait', type: 'wait', duration: 'P2D' }],
    });
    expect(created.status).toBe(201);
    for (const id of ['c-goal-later', 'c-goal-same-batch', 'c-goal-none', 'c-goal-too-late']) {
      await customer(id);
    }
    // Enrolled when processed: a goal event that counts happens after that, so these are in the future.
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    const trigger = (customerId: string) => ({ customerId, name: 'browse_abandoned', properties: {} });
    const order = (customerId: string, occurredAt: string) => ({
      customerId,
      name: 'order_completed',
      occurredAt,
      properties: {},
    });
    const batch = await tp.request('POST', '/v1/events', {
      events: [
        trigger('c-goal-later'),
        trigger('c-goal-same-batch'),
        order('c-goal-same-batch', soon(60_000)),
        trigger('c-goal-none'),
        trigger('c-goal-too-late'),
      ],
    });
    expect(batch.status).toBe(202);
    const stats = async () =>
      (
        await tp.request<{
          enrolled: number;
          conversions: { treated: { enrolled: number; converted: number } };
        }>('GET', `/v1/journeys/${created.body.id}/stats`)
      ).body;
    await waitFor('the four enrollments', async () => (await stats()).enrolled === 4);
    const later = await tp.request('POST', '/v1/events', {
      events: [order('c-goal-later', soon(60_000)), order('c-goal-too-late', soon(2 * 86_400_000))],
    });
    expect(later.status).toBe(202);
    const { conversions } = await waitFor('the later goal event processed', async () => {
      const now = await stats();
      return now.conversions.treated.converted >= 2 && now;
    });
    expect(conversions.treated).toEqual({ enrolled: 4, converted: 2, rate: 0.5 });
  });

  it('should send nothing and cancel the touchpoint when the order is completed first', async () => {
    const to = await customer('c-buys');
    await tp.request('POST', '/v1/events', { customerId: 'c-buys', name: 'cart_abandoned', properties: {} });
    await waitFor(
      'the scheduled touchpoint',
      async () => (await touchpoints('c-buys'))[0]?.status === 'scheduled',
    );
    const done = await tp.request('POST', '/v1/events', { customerId: 'c-buys', name: 'order_completed' });
    expect(done.status).toBe(202);

    const [cancelled] = await waitFor('the cancelled touchpoint', async () => {
      const items = await touchpoints('c-buys');
      return items[0]?.status === 'cancelled' && items;
    });
    expect(cancelled.events.map((e) => e.status)).toEqual(['scheduled', 'cancelled']);
    // The step is cancelled in PostgreSQL and its delayed job is gone from Redis: nothing is left to send it.
    const step = await tp.db
      .selectFrom('scheduled_steps as s')
      .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
      .select(['s.id', 's.status', 's.due_at', 'e.status as enrollment'])
      .where('e.customer_id', '=', 'c-buys')
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ status: 'cancelled', enrollment: 'exited' });
    expect(await tp.stepJob(step.id, step.due_at)).toBeUndefined();
    await tp.reconciler().tick();
    expect(await sandbox(to)).toHaveLength(0);
  });

  it('should count a duplicate event id and change nothing', async () => {
    const to = await customer('c-dup');
    const event = {
      id: 'evt-dup-1',
      customerId: 'c-dup',
      name: 'cart_abandoned',
      properties: { cartUrl: 'u' },
    };
    expect((await tp.request('POST', '/v1/events', event)).body).toEqual({ accepted: 1, duplicates: 0 });
    const eventsBefore = await tp.count('events');
    const again = await tp.request('POST', '/v1/events', { events: [event, event] });
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 2 } });
    expect(await tp.count('events')).toBe(eventsBefore);

    await waitFor('the SMS', async () => (await sandbox(to)).length === 1);
    await tp.reconciler().tick();
    expect(await sandbox(to)).toHaveLength(1);
    expect(await touchpoints('c-dup')).toHaveLength(1);
  });

  it('should suppress the touchpoint of a customer without SMS consent', async () => {
    const to = await customer('c-no-consent', { consent: { sms: false, email: true } });
    await tp.request('POST', '/v1/events', { customerId: 'c-no-consent', name: 'cart_abandoned' });
    const [suppressed] = await waitFor('the suppressed touchpoint', async () => {
      const items = await touchpoints('c-no-consent');
      return items[0]?.status === 'suppressed' && items;
    });
    expect(suppressed.error).toBe('no_consent');
    expect(await sandbox(to)).toHaveLength(0);
  });

  it('should render the Persian variant for a Persian-speaking customer, byte for byte', async () => {
    const to = await customer('c-fa', { locale: 'fa-IR', attributes: { firstName: 'سارا' } });
    await tp.request('POST', '/v1/events', {
      customerId: 'c-fa',
      name: 'cart_abandoned',
      properties: { cartUrl: 'https://shop.example/سبد/😀' },
    });
    const [message] = await waitFor('the Persian SMS', async () => {
      const items = await sandbox(to);
      return items.length > 0 && items;
    });
    expect(message.body).toBe('سارا، سبد خرید شما منتظر است: https://shop.example/سبد/😀');
  });
});
