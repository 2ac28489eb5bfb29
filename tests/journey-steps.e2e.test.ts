import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DueStepService } from '@touchpoint/worker';
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
    tp = await TouchpointHarness.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
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
});
