import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DueStepService } from '@touchpoint/worker';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface SandboxItem {
  to: string;
  body: string;
}
interface CustomerView {
  attributes: Record<string, unknown>;
}
interface SimulatedStep {
  stepId: string;
  action: string;
  reason: string | null;
}

const sms = (id: string, body: string, extra: object = {}) => ({
  id,
  type: 'send',
  channel: 'sms',
  template: { body },
  ...extra,
});

/** Counts its reminders on the customer, and stops reminding after two. */
const countedReminder = {
  name: 'Cart reminder, counted',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  reentry: 'after_exit',
  steps: [
    {
      id: 'mark',
      type: 'update_attributes',
      set: { cartState: 'reminded' },
      setNow: ['lastCartReminderAt'],
      increment: { remindersSent: 1 },
      unset: ['coupon'],
    },
    {
      id: 'enough',
      type: 'branch',
      if: { path: 'customer.attributes.remindersSent', op: 'gte', value: 2 },
      then: 'stop',
      else: 'remind',
    },
    sms('remind', 'Reminder {{ customer.attributes.remindersSent }}: your cart is waiting', { next: 'stop' }),
    { id: 'stop', type: 'exit' },
  ],
};

/** Waits for either way the cart can end, and says which one it was. */
const cartOutcome = {
  name: 'Cart outcome, any of two events',
  stage: 'decision',
  trigger: { event: 'cart_left' },
  steps: [
    {
      id: 'outcome',
      type: 'wait_for_event',
      events: ['order_completed', 'cart_emptied'],
      timeout: 'PT30S',
      onEvent: 'which',
      onTimeout: 'nudge',
    },
    {
      id: 'which',
      type: 'branch',
      if: { path: 'context.outcome.event', op: 'eq', value: 'order_completed' },
      then: 'thanks',
      else: 'sorry',
    },
    sms('thanks', 'Thanks for your order', { next: 'done' }),
    sms('sorry', 'Your cart is empty now', { next: 'done' }),
    sms('nudge', 'Still there?', { next: 'done' }),
    { id: 'done', type: 'exit' },
  ],
};

/** Waits for the customer to upgrade (their plan attribute to become pro), up to a timeout. */
const upgradeWatch = (timeout: string) => ({
  name: `Upgrade watch ${timeout}`,
  stage: 'retention',
  trigger: { event: `trial_started_${timeout}` },
  steps: [
    {
      id: 'upgraded',
      type: 'wait_for_attribute',
      attribute: 'plan',
      where: { path: 'customer.attributes.plan', op: 'eq', value: 'pro' },
      timeout,
      onChange: 'welcome',
      onTimeout: 'offer',
    },
    sms('welcome', 'Welcome to {{ customer.attributes.plan }}', { next: 'done' }),
    sms('offer', '20% off pro this week', { next: 'done' }),
    { id: 'done', type: 'exit' },
  ],
});

const SECRET = 'test-webhook-secret-0123456789abcdef';

/** What a receiver does, as the README shows: recompute the HMAC over "<t>.<raw body>". */
function verified(header: string | undefined, body: string): boolean {
  const fields = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2)));
  const expected = createHmac('sha256', SECRET).update(`${fields.t}.${body}`).digest();
  const given = Buffer.from(fields.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  path: string;
  idempotencyKey: string | undefined;
  apiKey: string | undefined;
  verified: boolean;
  body: unknown;
}

/** A local receiver: records each request; `answer` decides the response (undefined: never answers). */
async function receiver(
  answer: (req: Received, nth: number) => { status: number; body: unknown } | undefined,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: Received = {
        path: req.url ?? '',
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        apiKey: req.headers['x-api-key'] as string | undefined,
        verified: verified(req.headers['touchpoint-signature'] as string | undefined, raw),
        body: JSON.parse(raw) as unknown,
      };
      received.push(entry);
      const reply = answer(entry, received.length);
      if (!reply) {
        held.push(res);
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the steps beyond sending, end to end', () => {
  let tp: TouchpointHarness;
  let marketer: string;
  let seq = 0;

  const customer = async (id: string, attributes: Record<string, unknown> = {}) => {
    const phone = `+98912${String(3_000_000 + seq++).padStart(7, '0')}`;
    const res = await tp.request('PUT', `/v1/customers/${id}`, {
      phone,
      locale: 'en',
      timezone: 'UTC',
      attributes,
      consent: { sms: true },
    });
    expect(res.status).toBe(200);
    return phone;
  };
  const attributesOf = async (id: string) =>
    (await tp.request<CustomerView>('GET', `/v1/customers/${id}`)).body.attributes;
  const send = async (customerId: string, name: string, properties: Record<string, unknown> = {}) => {
    const res = await tp.request('POST', '/v1/events', { customerId, name, properties });
    expect(res.status).toBe(202);
  };
  const sandbox = async (to: string) =>
    (
      await tp.request<{ items: SandboxItem[] }>(
        'GET',
        `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(to)}`,
      )
    ).body.items;
  const create = async (definition: object) => {
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', definition, { key: marketer });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const enrollmentsOf = (customerId: string) =>
    tp.db
      .selectFrom('enrollments')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('enrolled_at')
      .execute();
  const stepsOf = (customerId: string) =>
    tp.db
      .selectFrom('scheduled_steps as s')
      .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
      .select(['s.id', 's.step_id', 's.status', 's.due_at'])
      .where('e.customer_id', '=', customerId)
      .orderBy('s.created_at')
      .execute();
  const ended = (customerId: string, count: number) =>
    waitFor(`${count} ended enrollments of ${customerId}`, async () => {
      const rows = await enrollmentsOf(customerId);
      return rows.length === count && rows.every((r) => r.status !== 'active') && rows;
    });

  beforeAll(async () => {
    tp = await TouchpointHarness.start({
      env: {
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_SIGNING_SECRET: SECRET,
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_BACKOFF_MS: '100',
      },
    });
    marketer = await tp.keyFor('marketer');
  });
  afterAll(() => tp?.close());

  describe('update_attributes', () => {
    let journeyId: string;
    beforeAll(async () => {
      journeyId = await create(countedReminder);
    });

    it('should set, stamp, increment and unset attributes that the next branch and template read', async () => {
      const to = await customer('c-upd', { firstName: 'Sara', coupon: 'CART10' });
      const before = Date.now();
      await send('c-upd', 'cart_abandoned');

      const [message] = await waitFor('the reminder', async () => {
        const items = await sandbox(to);
        return items.length > 0 && items;
      });
      expect(message.body).toBe('Reminder 1: your cart is waiting');
      const attributes = await attributesOf('c-upd');
      expect(attributes).toEqual({
        firstName: 'Sara',
        cartState: 'reminded',
        remindersSent: 1,
        lastCartReminderAt: expect.any(String),
      });
      expect(Date.parse(attributes.lastCartReminderAt as string)).toBeGreaterThanOrEqual(before - 1_000);

      // The second time the counter reaches 2: the branch ends the enrollment without a message.
      await ended('c-upd', 1);
      await send('c-upd', 'cart_abandoned');
      await ended('c-upd', 2);
      expect((await attributesOf('c-upd')).remindersSent).toBe(2);
      expect(await sandbox(to)).toHaveLength(1);
    });

    it('should not increment twice when the step’s job is delivered again', async () => {
      await customer('c-upd-retry', { remindersSent: 5 });
      await send('c-upd-retry', 'cart_abandoned');
      await ended('c-upd-retry', 1);
      const mark = (await stepsOf('c-upd-retry')).find((s) => s.step_id === 'mark');
      expect(mark?.status).toBe('done');

      expect(await tp.app.get(DueStepService).run(mark!.id)).toBe('already_done');
      await tp.reconciler().tick();
      expect((await attributesOf('c-upd-retry')).remindersSent).toBe(6);
    });

    it('should simulate the update and the branch that reads it', async () => {
      const res = await tp.request<{ steps: SimulatedStep[] }>(
        'POST',
        `/v1/journeys/${journeyId}/simulate`,
        {
          customer: { attributes: { remindersSent: 1 }, phone: '+14155550100', consent: { sms: true } },
          events: [{ name: 'cart_abandoned', at: '2026-12-01T10:00:00Z' }],
        },
        { key: marketer },
      );
      expect(res.status).toBe(200);
      expect(res.body.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
        [
          'mark',
          'update',
          'update_attributes: set cartState, set lastCartReminderAt to now, increment remindersSent by 1, unset coupon',
        ],
        ['enough', 'branch', 'branch: then → stop'],
        ['stop', 'exit', 'exit step: the enrollment ends'],
      ]);
    });

    it('should refuse an update with nothing to change or one attribute changed twice, naming the field', async () => {
      const invalid = (step: object) => ({
        ...countedReminder,
        steps: [{ id: 'mark', type: 'update_attributes', ...step }],
      });
      const empty = await tp.request<{ errors: { path: string; code: string }[] }>(
        'POST',
        '/v1/journeys/validate',
        invalid({}),
        { key: marketer },
      );
      const twice = await tp.request<{ errors: { path: string; code: string }[] }>(
        'POST',
        '/v1/journeys/validate',
        invalid({ set: { n: 1 }, increment: { n: 1 } }),
        { key: marketer },
      );
      expect(JSON.stringify(empty.body)).toContain('steps.0.set');
      expect(JSON.stringify(twice.body)).toContain('steps.0.increment');
      expect(JSON.stringify(twice.body)).toContain('JOURNEY.INVALID_UPDATE');
    });
  });

  describe('wait_for_event with several events', () => {
    beforeAll(async () => {
      await create(cartOutcome);
    });

    it('should end the wait on any of the events and let the branch read which one', async () => {
      const buyer = await customer('c-any-buys');
      const emptier = await customer('c-any-empties');
      await send('c-any-buys', 'cart_left');
      await send('c-any-empties', 'cart_left');
      for (const id of ['c-any-buys', 'c-any-empties']) {
        await waitFor(`the wait of ${id}`, async () =>
          (await stepsOf(id)).some((s) => s.step_id === 'outcome' && s.status === 'queued'),
        );
      }
      await send('c-any-buys', 'order_completed');
      await send('c-any-empties', 'cart_emptied');

      await waitFor('the thanks', async () => (await sandbox(buyer)).length === 1);
      await waitFor('the sorry', async () => (await sandbox(emptier)).length === 1);
      expect((await sandbox(buyer))[0].body).toBe('Thanks for your order');
      expect((await sandbox(emptier))[0].body).toBe('Your cart is empty now');
      const [enrollment] = await ended('c-any-empties', 1);
      expect(enrollment.context).toEqual({
        outcome: { outcome: 'event', event: 'cart_emptied', at: expect.any(String) },
      });
    });
  });

  describe('wait_for_attribute', () => {
    beforeAll(async () => {
      await create(upgradeWatch('PT30S'));
      await create(upgradeWatch('PT1S'));
    });
    const putPlan = async (id: string, phone: string, plan: string) => {
      const res = await tp.request('PUT', `/v1/customers/${id}`, {
        phone,
        locale: 'en',
        timezone: 'UTC',
        attributes: { plan },
        consent: { sms: true },
      });
      expect(res.status).toBe(200);
    };

    it('should end the wait when the attribute changes as the condition asks, not before', async () => {
      const phone = await customer('c-upgrades', { plan: 'trial' });
      await send('c-upgrades', 'trial_started_PT30S');
      const waiting = await waitFor('the attribute wait', async () =>
        (await stepsOf('c-upgrades')).find((s) => s.step_id === 'upgraded'),
      );

      // A change the condition refuses wakes the wait, which goes back to waiting until its timeout.
      const changed = new Date();
      await putPlan('c-upgrades', phone, 'basic');
      await waitFor('the wait re-armed', async () => {
        const row = await tp.db
          .selectFrom('scheduled_steps')
          .selectAll()
          .where('id', '=', waiting.id)
          .executeTakeFirstOrThrow();
        return (
          row.attribute_changed_at === null &&
          row.updated_at.getTime() >= changed.getTime() &&
          row.due_at.getTime() === waiting.due_at.getTime() &&
          row
        );
      });
      expect(await sandbox(phone)).toEqual([]);

      await putPlan('c-upgrades', phone, 'pro');
      await waitFor('the welcome', async () => (await sandbox(phone)).length === 1);
      expect((await sandbox(phone))[0].body).toBe('Welcome to pro');
      const [enrollment] = await ended('c-upgrades', 1);
      expect(enrollment.context).toEqual({
        upgraded: { outcome: 'changed', attribute: 'plan', value: 'pro', at: expect.any(String) },
      });
    });

    it('should end the wait when an update_attributes step of another journey changes the attribute', async () => {
      await create({
        name: 'Upgrade on payment',
        stage: 'retention',
        trigger: { event: 'paid' },
        steps: [{ id: 'upgrade', type: 'update_attributes', set: { plan: 'pro' } }],
      });
      const phone = await customer('c-pays', { plan: 'trial' });
      await send('c-pays', 'trial_started_PT30S');
      await waitFor('the attribute wait', async () =>
        (await stepsOf('c-pays')).some((s) => s.step_id === 'upgraded'),
      );
      await send('c-pays', 'paid');
      await waitFor('the welcome', async () => (await sandbox(phone)).length === 1);
      expect((await sandbox(phone))[0].body).toBe('Welcome to pro');
    });

    it('should take the timeout branch when nothing changes', async () => {
      const phone = await customer('c-stays', { plan: 'trial' });
      await send('c-stays', 'trial_started_PT1S');
      await waitFor('the offer', async () => (await sandbox(phone)).length === 1);
      expect((await sandbox(phone))[0].body).toBe('20% off pro this week');
      const [enrollment] = await ended('c-stays', 1);
      expect(enrollment.context).toEqual({ upgraded: { outcome: 'timeout' } });
    });
  });

  describe('webhook', () => {
    interface TouchpointItem {
      id: string;
      channel: string;
      status: string;
      stepId: string;
      error: string | null;
      events: { status: string }[];
    }
    const touchpoints = async (customerId: string) =>
      (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
        .items;
    const hookJourney = (name: string, url: string) => ({
      name,
      stage: 'retention',
      trigger: { event: name },
      steps: [
        {
          id: 'crm',
          type: 'webhook',
          url: `${url}/orders`,
          headers: { 'X-Api-Key': 'receiver-key' },
          body: { customerId: '{{ customer.id }}', order: '{{ event.properties.orderId }}', items: 3 },
          timeout: 'PT1S',
        },
        {
          id: 'answered',
          type: 'branch',
          if: { path: 'context.crm.ok', op: 'eq', value: true },
          then: 'tier',
          else: 'fallback',
        },
        {
          id: 'tier',
          type: 'branch',
          if: { path: 'context.crm.body.tier', op: 'eq', value: 'gold' },
          then: 'gold',
          else: 'fallback',
        },
        sms('gold', 'Gold thanks for order {{ event.properties.orderId }}', { next: 'done' }),
        sms('fallback', 'Thanks for your order', { next: 'done' }),
        { id: 'done', type: 'exit' },
      ],
    });

    it('should sign the call, retry a 500 with the same Idempotency-Key, and branch on the answer', async () => {
      const crm = await receiver((_req, nth) =>
        nth === 1 ? { status: 500, body: { error: 'busy' } } : { status: 200, body: { tier: 'gold' } },
      );
      try {
        const journeyId = await create(hookJourney('order_placed', crm.url));
        const phone = await customer('c-hook');
        await send('c-hook', 'order_placed', { orderId: 'o-77' });

        await waitFor('the gold SMS', async () => (await sandbox(phone)).length === 1);
        expect((await sandbox(phone))[0].body).toBe('Gold thanks for order o-77');
        const hook = (await touchpoints('c-hook')).find((t) => t.channel === 'webhook');
        expect(hook).toMatchObject({ stepId: 'crm', status: 'sent', error: null });
        expect(hook!.events.map((e) => e.status)).toEqual(['scheduled', 'scheduled', 'sent']);
        expect(crm.received).toHaveLength(2);
        for (const request of crm.received) {
          expect(request).toEqual({
            path: '/orders',
            idempotencyKey: hook!.id,
            apiKey: 'receiver-key',
            verified: true,
            body: { customerId: 'c-hook', order: 'o-77', items: 3 },
          });
        }
        const [enrollment] = await ended('c-hook', 1);
        expect(enrollment.context).toEqual({ crm: { ok: true, status: 200, body: { tier: 'gold' } } });

        const stats = await tp.request<{ byChannel: Record<string, { sent: number }> }>(
          'GET',
          `/v1/journeys/${journeyId}/stats`,
        );
        expect(stats.status).toBe(200);
        expect(stats.body.byChannel.webhook).toMatchObject({ sent: 1 });
        const log = await tp.request<{ items: TouchpointItem[] }>('GET', '/v1/touchpoints?channel=webhook');
        expect(log.body.items.map((t) => t.id)).toContain(hook!.id);

        // The answer may be about the person: erasure takes it with their other data.
        const erased = await tp.request('DELETE', '/v1/customers/c-hook', undefined, { key: marketer });
        expect(erased.status).toBeLessThan(300);
        const after = await tp.db
          .selectFrom('enrollments')
          .select('context')
          .where('id', '=', enrollment.id)
          .executeTakeFirstOrThrow();
        expect(after.context).toEqual({});
      } finally {
        await crm.close();
      }
    });

    it('should fail after its attempts when the receiver is too slow, and go on with the failure', async () => {
      const slow = await receiver(() => undefined);
      try {
        await create(hookJourney('order_slow', slow.url));
        const phone = await customer('c-hook-slow');
        await send('c-hook-slow', 'order_slow', { orderId: 'o-78' });

        await waitFor('the fallback SMS', async () => (await sandbox(phone)).length === 1);
        expect((await sandbox(phone))[0].body).toBe('Thanks for your order');
        const hook = (await touchpoints('c-hook-slow')).find((t) => t.channel === 'webhook');
        expect(hook).toMatchObject({ status: 'failed', error: 'timeout' });
        expect(slow.received).toHaveLength(3);
        const [enrollment] = await ended('c-hook-slow', 1);
        expect(enrollment.context).toEqual({ crm: { ok: false, status: null, error: 'timeout' } });
      } finally {
        await slow.close();
      }
    });

    it('should not retry a 4xx, and hand the status to the branch', async () => {
      const refusing = await receiver(() => ({ status: 422, body: { error: 'unknown order' } }));
      try {
        await create(hookJourney('order_refused', refusing.url));
        const phone = await customer('c-hook-4xx');
        await send('c-hook-4xx', 'order_refused', { orderId: 'o-79' });

        await waitFor('the fallback SMS', async () => (await sandbox(phone)).length === 1);
        const hook = (await touchpoints('c-hook-4xx')).find((t) => t.channel === 'webhook');
        expect(hook).toMatchObject({ status: 'failed', error: 'http_422' });
        expect(refusing.received).toHaveLength(1);
        const [enrollment] = await ended('c-hook-4xx', 1);
        expect(enrollment.context).toEqual({
          crm: { ok: false, status: 422, body: { error: 'unknown order' } },
        });
      } finally {
        await refusing.close();
      }
    });
  });
});

describe('a webhook step to a private address, by default', () => {
  let tp: TouchpointHarness;
  beforeAll(async () => {
    // WEBHOOK_ALLOW_PRIVATE left unset, as in production.
    tp = await TouchpointHarness.start({ env: { WEBHOOK_SIGNING_SECRET: SECRET } });
  });
  afterAll(() => tp?.close());

  it('should refuse to call it, fail the touchpoint without retrying, and go on', async () => {
    const local = await receiver(() => ({ status: 200, body: {} }));
    try {
      const created = await tp.request(
        'POST',
        '/v1/journeys',
        {
          name: 'To a private address',
          stage: 'retention',
          trigger: { event: 'ping' },
          steps: [
            {
              id: 'hook',
              type: 'webhook',
              url: local.url.replace('127.0.0.1', '[::ffff:127.0.0.1]'),
              body: { customerId: '{{ customer.id }}' },
            },
          ],
        },
        { key: await tp.keyFor('marketer') },
      );
      expect(created.status).toBe(201);
      await tp.request('PUT', '/v1/customers/c-private', { attributes: {} });
      await tp.request('POST', '/v1/events', { customerId: 'c-private', name: 'ping' });

      const enrollment = await waitFor('the enrollment to complete', () =>
        tp.db
          .selectFrom('enrollments')
          .selectAll()
          .where('customer_id', '=', 'c-private')
          .where('status', '=', 'completed')
          .executeTakeFirst(),
      );
      expect(enrollment.context).toEqual({ hook: { ok: false, status: null, error: 'blocked_address' } });
      const touchpoint = await tp.db
        .selectFrom('touchpoints')
        .selectAll()
        .where('customer_id', '=', 'c-private')
        .executeTakeFirstOrThrow();
      expect(touchpoint).toMatchObject({ channel: 'webhook', status: 'failed', error: 'blocked_address' });
      expect(local.received).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
