import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseVariant, type SplitStep } from '@touchpoint/journeys';
import { DueStepService } from '@touchpoint/worker';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface SandboxItem {
  to: string;
  body: string;
  at: string;
}
interface TouchpointItem {
  status: string;
  error: string | null;
  stepId: string;
  journeyVersion: number;
  events: { status: string }[];
}
interface JourneyView {
  id: string;
  version: number;
  status: string;
}
interface Problem {
  status: number;
  type: string;
  detail?: string;
}
interface SimulatedStep {
  stepId: string;
  action: string;
  at: string;
  localTime: string;
  channel: string | null;
  rendered: { body?: string } | null;
  reason: string | null;
}
interface Simulation {
  version: number;
  enrolled: boolean;
  steps: SimulatedStep[];
}

const sms = (id: string, body: string, extra: object = {}) => ({
  id,
  type: 'send',
  channel: 'sms',
  template: { body },
  ...extra,
});

/** "Wait up to 2 seconds for order_completed; if it comes, exit; if not, send the discount." */
const orderFollowUp = {
  name: 'Cart follow-up, wait for the order',
  stage: 'decision',
  trigger: { event: 'cart_left' },
  steps: [
    {
      id: 'bought',
      type: 'wait_for_event',
      event: 'order_completed',
      timeout: 'PT2S',
      onEvent: 'done',
      onTimeout: 'discount',
    },
    sms('discount', '{{ customer.attributes.firstName }}, 10% off with CART10', { next: 'done' }),
    { id: 'done', type: 'exit' },
  ],
};

const tierWelcome = {
  name: 'Welcome by tier',
  stage: 'retention',
  trigger: { event: 'signed_up' },
  steps: [
    {
      id: 'tier',
      type: 'branch',
      if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
      then: 'gold',
      else: 'standard',
    },
    sms('gold', 'Gold welcome, {{ customer.attributes.firstName }}', { next: 'bye' }),
    sms('standard', 'Welcome, {{ customer.attributes.firstName }}', { next: 'bye' }),
    { id: 'bye', type: 'exit' },
  ],
};

const trial = (version: 'v1' | 'v2') => ({
  name: 'Trial nudge',
  stage: 'consideration',
  trigger: { event: 'trial_started' },
  steps: [
    { id: 'wait', type: 'wait', duration: version === 'v1' ? 'PT3S' : 'PT1S' },
    sms('nudge', `${version}: how is the trial going?`),
  ],
});

const delayed = (name: string, trigger: string, wait: string) => ({
  name,
  stage: 'awareness',
  trigger: { event: trigger },
  steps: [{ id: 'wait', type: 'wait', duration: wait }, sms('sms', `${name}: hello`)],
});

describe('the journey engine, end to end', () => {
  let tp: TouchpointHarness;
  let marketer: string;
  let analyst: string;
  let seq = 0;

  const customer = async (id: string, attributes: Record<string, unknown> = {}) => {
    const phone = `+98912${String(2_000_000 + seq++).padStart(7, '0')}`;
    const res = await tp.request('PUT', `/v1/customers/${id}`, {
      phone,
      locale: 'en',
      timezone: 'Asia/Tehran',
      attributes: { firstName: 'Sara', ...attributes },
      consent: { sms: true },
    });
    expect(res.status).toBe(200);
    return phone;
  };
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
  const touchpoints = async (customerId: string) =>
    (await tp.request<{ items: TouchpointItem[] }>('GET', `/v1/customers/${customerId}/touchpoints`)).body
      .items;
  const create = async (definition: object) => {
    const res = await tp.request<JourneyView>('POST', '/v1/journeys', definition, { key: marketer });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const enrollmentOf = (customerId: string) =>
    tp.db
      .selectFrom('enrollments')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('enrolled_at', 'desc')
      .executeTakeFirst();
  const stepsOf = (customerId: string) =>
    tp.db
      .selectFrom('scheduled_steps as s')
      .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
      .select(['s.id', 's.step_id', 's.status', 's.due_at', 's.awaits_events'])
      .where('e.customer_id', '=', customerId)
      .orderBy('s.created_at')
      .execute();
  const simulate = async (journeyId: string, body: object) => {
    const res = await tp.request<Simulation>('POST', `/v1/journeys/${journeyId}/simulate`, body, {
      key: marketer,
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const expectProblem = (res: { status: number; headers: Headers; body: unknown }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return res.body as Problem;
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start();
    marketer = await tp.keyFor('marketer');
    analyst = await tp.keyFor('analyst');
  });
  afterAll(() => tp?.close());

  describe('wait_for_event', () => {
    let journeyId: string;
    beforeAll(async () => {
      journeyId = await create(orderFollowUp);
    });

    it('should exit without sending when the awaited event comes within the timeout', async () => {
      const to = await customer('c-wfe-buys');
      await send('c-wfe-buys', 'cart_left');
      const [waiting] = await waitFor('the wait for order_completed', async () => {
        const steps = await stepsOf('c-wfe-buys');
        return steps.length > 0 && steps;
      });
      expect(waiting).toMatchObject({
        step_id: 'bought',
        status: 'queued',
        awaits_events: ['order_completed'],
      });

      await send('c-wfe-buys', 'order_completed');

      const ended = await waitFor('the enrollment to end', async () => {
        const e = await enrollmentOf('c-wfe-buys');
        return e?.status !== 'active' && e;
      });
      expect(ended).toMatchObject({ status: 'exited', end_reason: 'exited' });
      expect(await stepsOf('c-wfe-buys')).toEqual([
        expect.objectContaining({ step_id: 'bought', status: 'done' }),
      ]);
      // The timeout's delayed job is gone; even if one had survived, the step is done and it would do nothing.
      expect(await tp.stepJob(waiting.id, waiting.due_at)).toBeUndefined();
      await waitFor('the timeout to pass', async () => Date.now() > waiting.due_at.getTime());
      expect(await tp.app.get(DueStepService).run(waiting.id)).toBe('already_done');
      await tp.reconciler().tick();
      expect(await touchpoints('c-wfe-buys')).toEqual([]);
      expect(await sandbox(to)).toEqual([]);
    });

    it('should send the discount once the timeout passes without the event', async () => {
      const to = await customer('c-wfe-waits');
      const start = Date.now();
      await send('c-wfe-waits', 'cart_left');

      const [message] = await waitFor('the discount SMS', async () => {
        const items = await sandbox(to);
        return items.length > 0 && items;
      });
      expect(message.body).toBe('Sara, 10% off with CART10');
      expect(Date.parse(message.at) - start).toBeGreaterThanOrEqual(2_000);
      await waitFor(
        'the enrollment to end',
        async () => (await enrollmentOf('c-wfe-waits'))?.status === 'exited',
      );
      // An order after the timeout is too late to change anything.
      await send('c-wfe-waits', 'order_completed');
      await tp.reconciler().tick();
      expect(await sandbox(to)).toHaveLength(1);
      expect((await stepsOf('c-wfe-waits')).map((s) => [s.step_id, s.status])).toEqual([
        ['bought', 'done'],
        ['discount', 'done'],
      ]);
    });

    it('should simulate both outcomes', async () => {
      const at = '2026-12-01T10:00:00Z';
      const bought = await simulate(journeyId, {
        customer: { id: 'c-wfe-buys' },
        events: [
          { name: 'cart_left', at },
          { name: 'order_completed', at: '2026-12-01T10:00:01Z' },
        ],
      });
      const waited = await simulate(journeyId, {
        customer: { attributes: { firstName: 'Dana' }, phone: '+14155550100', consent: { sms: true } },
        events: [{ name: 'cart_left', at }],
      });

      expect(bought.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
        ['bought', 'wait', '"order_completed" came within PT2S: onEvent → done'],
        ['done', 'exit', 'exit step: the enrollment ends'],
      ]);
      expect(waited.steps.map((s) => [s.stepId, s.action, s.at])).toEqual([
        ['bought', 'wait', '2026-12-01T10:00:02.000Z'],
        ['discount', 'send', '2026-12-01T10:00:02.000Z'],
        ['done', 'exit', '2026-12-01T10:00:02.000Z'],
      ]);
      expect(waited.steps[1]).toMatchObject({
        channel: 'sms',
        rendered: { body: 'Dana, 10% off with CART10' },
        localTime: '2026-12-01T10:00:02Z',
      });
    });
  });

  describe('branch', () => {
    let journeyId: string;
    beforeAll(async () => {
      journeyId = await create(tierWelcome);
    });

    it('should send each customer the side of the branch their attribute picks', async () => {
      const gold = await customer('c-gold', { tier: 'gold' });
      const plain = await customer('c-plain', { tier: 'silver' });
      await send('c-gold', 'signed_up');
      await send('c-plain', 'signed_up');

      const [toGold] = await waitFor('the gold SMS', async () => {
        const items = await sandbox(gold);
        return items.length > 0 && items;
      });
      const [toPlain] = await waitFor('the standard SMS', async () => {
        const items = await sandbox(plain);
        return items.length > 0 && items;
      });
      expect(toGold.body).toBe('Gold welcome, Sara');
      expect(toPlain.body).toBe('Welcome, Sara');
      expect((await touchpoints('c-gold')).map((t) => t.stepId)).toEqual(['gold']);
      expect((await touchpoints('c-plain')).map((t) => t.stepId)).toEqual(['standard']);
      await waitFor('both enrollments to end', async () => {
        const ended = await Promise.all(['c-gold', 'c-plain'].map(enrollmentOf));
        return ended.every((e) => e?.status === 'exited');
      });
    });

    it('should simulate the branch for a stored and an inline customer', async () => {
      const gold = await simulate(journeyId, { customer: { id: 'c-gold' }, events: [{ name: 'signed_up' }] });
      const inline = await simulate(journeyId, {
        customer: { attributes: { firstName: 'Noa' }, phone: '+972501234567', consent: { sms: true } },
        events: [{ name: 'signed_up' }],
      });

      expect(gold.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
        ['tier', 'branch', 'branch: then → gold'],
        ['gold', 'send', null],
        ['bye', 'exit', 'exit step: the enrollment ends'],
      ]);
      expect(gold.steps[1].rendered).toEqual({ channel: 'sms', body: 'Gold welcome, Sara' });
      expect(inline.steps.map((s) => [s.stepId, s.action])).toEqual([
        ['tier', 'branch'],
        ['standard', 'send'],
        ['bye', 'exit'],
      ]);
      expect(inline.steps[0].reason).toBe('branch: else → standard');
    });
  });

  describe('loops and decisions after a wait', () => {
    const profile = (phone: string, attributes: Record<string, unknown>) => ({
      phone,
      timezone: 'Asia/Tehran',
      attributes: { firstName: 'Sara', ...attributes },
      consent: { sms: true },
    });

    it('should decide a branch after a wait on the customer as they are when it comes due', async () => {
      await create({
        name: 'Upgrade watch',
        stage: 'retention',
        trigger: { event: 'upgrade_watch' },
        steps: [
          { id: 'day', type: 'wait', duration: 'PT2S' },
          {
            id: 'tier',
            type: 'branch',
            if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
            then: 'gold',
            else: 'standard',
          },
          sms('gold', 'Thanks for upgrading', { next: 'bye' }),
          sms('standard', 'Consider upgrading', { next: 'bye' }),
          { id: 'bye', type: 'exit' },
        ],
      });
      const to = await customer('c-upgrades', { tier: 'silver' });
      await send('c-upgrades', 'upgrade_watch');
      // During the wait the customer upgrades.
      expect(
        (await tp.request('PUT', '/v1/customers/c-upgrades', profile(to, { tier: 'gold' }))).status,
      ).toBe(200);

      const [message] = await waitFor('the SMS after the wait', async () => {
        const items = await sandbox(to);
        return items.length > 0 && items;
      });
      expect(message.body).toBe('Thanks for upgrading');
    });

    it('should run a loop paced by a wait, one touchpoint per visit, until the branch leaves it', async () => {
      await create({
        name: 'Reminder loop',
        stage: 'retention',
        trigger: { event: 'loop_start' },
        steps: [
          sms('ping', 'Still there?', { next: 'pause' }),
          { id: 'pause', type: 'wait', duration: 'PT1S', next: 'again' },
          {
            id: 'again',
            type: 'branch',
            if: { path: 'customer.attributes.more', op: 'eq', value: true },
            then: 'ping',
            else: 'bye',
          },
          { id: 'bye', type: 'exit' },
        ],
      });
      const to = await customer('c-loops', { more: true });
      await send('c-loops', 'loop_start');
      await waitFor('two reminders', async () => (await sandbox(to)).length >= 2);
      expect((await tp.request('PUT', '/v1/customers/c-loops', profile(to, { more: false }))).status).toBe(
        200,
      );

      await waitFor('the loop to end', async () => (await enrollmentOf('c-loops'))?.status === 'exited');
      const rows = await tp.db
        .selectFrom('touchpoints')
        .select(['visit', 'status'])
        .where('customer_id', '=', 'c-loops')
        .orderBy('visit')
        .execute();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows).toEqual(rows.map((_, i) => ({ visit: i + 1, status: 'sent' })));
      expect(await sandbox(to)).toHaveLength(rows.length);
      const ping = (await stepsOf('c-loops')).find((s) => s.step_id === 'ping');
      expect(ping).toMatchObject({ status: 'done' });
    });
  });

  describe('split and re-entry', () => {
    it('should store each customer’s variant and end the holdout as counted holdout enrollments', async () => {
      const split: SplitStep = {
        id: 'ab',
        type: 'split',
        holdout: 30,
        variants: [
          { name: 'A', weight: 50, next: 'smsA' },
          { name: 'B', weight: 50, next: 'smsB' },
        ],
      };
      const journeyId = await create({
        name: 'Split test',
        stage: 'consideration',
        trigger: { event: 'split_me' },
        steps: [
          split,
          sms('smsA', 'A', { next: 'bye' }),
          sms('smsB', 'B', { next: 'bye' }),
          { id: 'bye', type: 'exit' },
        ],
      });
      const ids = Array.from({ length: 12 }, (_, i) => `c-split-${i}`);
      for (const id of ids) await customer(id);
      await tp.request('POST', '/v1/events', {
        events: ids.map((customerId) => ({ customerId, name: 'split_me' })),
      });

      const enrollments = await waitFor('every split enrollment to end', async () => {
        const rows = await tp.db
          .selectFrom('enrollments')
          .select(['customer_id', 'status', 'variant'])
          .where('journey_id', '=', journeyId)
          .execute();
        return rows.length === ids.length && rows.every((r) => r.status !== 'active') && rows;
      });
      for (const row of enrollments) {
        const choice = chooseVariant(split, journeyId, row.customer_id);
        if (choice.holdout) {
          expect(row).toMatchObject({ status: 'holdout', variant: null });
          expect(await touchpoints(row.customer_id)).toEqual([]);
        } else {
          expect(row).toMatchObject({ status: 'exited', variant: choice.variant.name });
          expect((await touchpoints(row.customer_id)).map((t) => t.stepId)).toEqual([choice.variant.next]);
        }
      }
    });

    it('should let `always` replace the running enrollment and `never` ignore a second trigger', async () => {
      await create({ ...delayed('Always again', 'always_again', 'PT30S'), reentry: 'always' });
      await create(delayed('Never again', 'never_again', 'PT30S'));
      await customer('c-again');
      await send('c-again', 'always_again');
      await send('c-again', 'never_again');
      await waitFor('the first enrollments', async () => (await touchpoints('c-again')).length === 2);
      await send('c-again', 'always_again');
      await send('c-again', 'never_again');

      const rows = await waitFor('the replacement enrollment', async () => {
        const found = await tp.db
          .selectFrom('enrollments as e')
          .innerJoin('journeys as j', 'j.id', 'e.journey_id')
          .select(['j.name', 'e.status', 'e.end_reason'])
          .where('e.customer_id', '=', 'c-again')
          .orderBy('e.enrolled_at')
          .execute();
        return found.length === 3 && found;
      });
      expect(rows).toEqual([
        { name: 'Always again', status: 'exited', end_reason: 'reentered' },
        { name: 'Never again', status: 'active', end_reason: null },
        { name: 'Always again', status: 'active', end_reason: null },
      ]);
      expect((await touchpoints('c-again')).map((t) => t.status)).toEqual([
        'cancelled',
        'scheduled',
        'scheduled',
      ]);
    });
  });

  describe('versions', () => {
    it('should finish a running enrollment on v1 while new ones run v2, and record who changed what', async () => {
      const journeyId = await create(trial('v1'));
      const early = await customer('c-trial-early');
      await send('c-trial-early', 'trial_started');
      await waitFor('the v1 enrollment', async () => (await touchpoints('c-trial-early')).length === 1);

      const put = await tp.request<JourneyView>('PUT', `/v1/journeys/${journeyId}`, trial('v2'), {
        key: marketer,
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: journeyId, version: 2, status: 'active' });
      const late = await customer('c-trial-late');
      await send('c-trial-late', 'trial_started');

      const [v1] = await waitFor('the v1 SMS', async () => {
        const items = await sandbox(early);
        return items.length > 0 && items;
      });
      const [v2] = await waitFor('the v2 SMS', async () => {
        const items = await sandbox(late);
        return items.length > 0 && items;
      });
      expect(v1.body).toBe('v1: how is the trial going?');
      expect(v2.body).toBe('v2: how is the trial going?');
      expect((await touchpoints('c-trial-early'))[0].journeyVersion).toBe(1);
      expect((await touchpoints('c-trial-late'))[0].journeyVersion).toBe(2);
      expect((await enrollmentOf('c-trial-early'))?.journey_version).toBe(1);
      expect((await enrollmentOf('c-trial-late'))?.journey_version).toBe(2);

      const keys = await tp.request<{ items: { id: string; name: string }[] }>('GET', '/v1/api-keys');
      const marketerKeyId = keys.body.items.find((k) => k.name === 'marketer key')?.id;
      const history = await tp.request<{
        items: { version: number; action: string; actor: string; at: string }[];
      }>('GET', `/v1/journeys/${journeyId}/history`, undefined, { key: analyst });
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        {
          version: 1,
          action: 'created',
          actor: 'marketer key',
          actorKeyId: marketerKeyId,
          at: expect.any(String),
        },
        {
          version: 2,
          action: 'updated',
          actor: 'marketer key',
          actorKeyId: marketerKeyId,
          at: expect.any(String),
        },
      ]);

      const simulated = await simulate(journeyId, {
        customer: { id: 'c-trial-early' },
        events: [{ name: 'trial_started', at: '2026-12-01T10:00:00Z' }],
      });
      expect(simulated.version).toBe(2);
      expect(simulated.steps.map((s) => [s.action, s.at, s.rendered?.body ?? null])).toEqual([
        ['wait', '2026-12-01T10:00:01.000Z', null],
        ['send', '2026-12-01T10:00:01.000Z', 'v2: how is the trial going?'],
        ['exit', '2026-12-01T10:00:01.000Z', null],
      ]);
      expect(simulated.steps[1].localTime).toBe('2026-12-01T13:30:01+03:30');
    });

    it('should refuse an invalid new version and change nothing', async () => {
      const journeyId = await create(delayed('Refused update', 'refused_update', 'PT1H'));
      const bad = {
        ...delayed('Refused update', 'refused_update', 'PT1H'),
        steps: [{ id: 'x', type: 'wait' }],
      };

      expectProblem(await tp.request('PUT', `/v1/journeys/${journeyId}`, bad, { key: marketer }), 400);
      expectProblem(await tp.request('PUT', `/v1/journeys/${journeyId}`, bad, { key: analyst }), 403);
      expect((await tp.request<JourneyView>('GET', `/v1/journeys/${journeyId}`)).body.version).toBe(1);
    });
  });

  describe('pause, resume and archive', () => {
    it('should hold a step that comes due while paused, and send it once after resume', async () => {
      const journeyId = await create(delayed('Webinar reminder', 'webinar_registered', 'PT2S'));
      const to = await customer('c-paused');
      await send('c-paused', 'webinar_registered');
      await waitFor('the scheduled touchpoint', async () => (await touchpoints('c-paused')).length === 1);

      const paused = await tp.request<JourneyView>('POST', `/v1/journeys/${journeyId}/pause`, undefined, {
        key: marketer,
      });
      expect(paused).toMatchObject({ status: 200, body: { status: 'paused' } });
      // Due while paused: the worker parks it in PostgreSQL instead of sending.
      const [held] = await waitFor('the due step to be held', async () => {
        const steps = await stepsOf('c-paused');
        return steps[0]?.status === 'waiting' && steps[0].due_at.getTime() < Date.now() && steps;
      });
      await tp.reconciler().tick();
      expect(await sandbox(to)).toEqual([]);
      expect((await touchpoints('c-paused'))[0].status).toBe('scheduled');
      // A paused journey enrolls no one new.
      const latecomer = await customer('c-paused-late');
      await send('c-paused-late', 'webinar_registered');
      await waitFor('the event to be processed', async () => {
        const row = await tp.db
          .selectFrom('events')
          .select('processed_at')
          .where('customer_id', '=', 'c-paused-late')
          .executeTakeFirst();
        return row?.processed_at != null;
      });
      expect(await enrollmentOf('c-paused-late')).toBeUndefined();

      const resumed = await tp.request<JourneyView>('POST', `/v1/journeys/${journeyId}/resume`, undefined, {
        key: marketer,
      });
      expect(resumed).toMatchObject({ status: 200, body: { status: 'active' } });
      const [message] = await waitFor('the SMS after resume', async () => {
        const items = await sandbox(to);
        return items.length > 0 && items;
      });
      expect(message.body).toBe('Webinar reminder: hello');
      const [sent] = await waitFor('the touchpoint to be sent', async () => {
        const items = await touchpoints('c-paused');
        return items[0]?.status === 'sent' && items;
      });
      expect(sent.events.map((e) => e.status)).toEqual(['scheduled', 'sending', 'sent']);
      expect((await stepsOf('c-paused'))[0]).toMatchObject({ id: held.id, status: 'done' });
      await tp.reconciler().tick();
      expect(await sandbox(to)).toHaveLength(1);
      expect(await sandbox(latecomer)).toEqual([]);

      const history = await tp.request<{ items: { action: string }[] }>(
        'GET',
        `/v1/journeys/${journeyId}/history`,
      );
      expect(history.body.items.map((c) => c.action)).toEqual(['created', 'paused', 'resumed']);
    });

    it('should cancel pending sends on archive, enroll no one after, and refuse to resume it', async () => {
      const journeyId = await create(delayed('Archived promo', 'promo_seen', 'PT30S'));
      const to = await customer('c-archived');
      await send('c-archived', 'promo_seen');
      const [step] = await waitFor('the scheduled step', async () => {
        const steps = await stepsOf('c-archived');
        return steps.length > 0 && steps;
      });

      const archived = await tp.request<JourneyView>('DELETE', `/v1/journeys/${journeyId}`, undefined, {
        key: marketer,
      });
      expect(archived).toMatchObject({ status: 200, body: { status: 'archived' } });
      const [touchpoint] = await touchpoints('c-archived');
      expect(touchpoint).toMatchObject({ status: 'cancelled' });
      expect(touchpoint.events.map((e) => e.status)).toEqual(['scheduled', 'cancelled']);
      expect(await enrollmentOf('c-archived')).toMatchObject({ status: 'exited', end_reason: 'archived' });
      expect((await stepsOf('c-archived'))[0].status).toBe('cancelled');
      expect(await tp.stepJob(step.id, step.due_at)).toBeUndefined();

      expectProblem(
        await tp.request('POST', `/v1/journeys/${journeyId}/resume`, undefined, { key: marketer }),
        409,
      );
      expectProblem(
        await tp.request('POST', `/v1/journeys/${journeyId}/pause`, undefined, { key: marketer }),
        409,
      );
      expectProblem(
        await tp.request(
          'PUT',
          `/v1/journeys/${journeyId}`,
          delayed('Archived promo', 'promo_seen', 'PT1S'),
          {
            key: marketer,
          },
        ),
        409,
      );
      // Archiving again changes nothing; the name is free for a new journey.
      expect(
        (await tp.request('DELETE', `/v1/journeys/${journeyId}`, undefined, { key: marketer })).status,
      ).toBe(200);
      await send('c-archived', 'promo_seen');
      await waitFor('the second event to be processed', async () => {
        const rows = await tp.db
          .selectFrom('events')
          .select('processed_at')
          .where('customer_id', '=', 'c-archived')
          .execute();
        return rows.length === 2 && rows.every((r) => r.processed_at !== null);
      });
      expect(await tp.count('enrollments')).toBeGreaterThan(0);
      expect(
        await tp.db.selectFrom('enrollments').select('id').where('customer_id', '=', 'c-archived').execute(),
      ).toHaveLength(1);
      expect(await sandbox(to)).toEqual([]);
      const history = await tp.request<{ items: { action: string }[] }>(
        'GET',
        `/v1/journeys/${journeyId}/history`,
      );
      expect(history.body.items.map((c) => c.action)).toEqual(['created', 'archived']);
    });

    it('should answer 404 for unknown journeys and 403 for analysts, as problems', async () => {
      const unknown = '7d1f4a38-3b7e-4b53-9a57-6d1f9c0f6a11';
      for (const [method, path] of [
        ['PUT', `/v1/journeys/${unknown}`],
        ['POST', `/v1/journeys/${unknown}/pause`],
        ['POST', `/v1/journeys/${unknown}/resume`],
        ['DELETE', `/v1/journeys/${unknown}`],
        ['GET', `/v1/journeys/${unknown}/history`],
        ['POST', `/v1/journeys/not-a-uuid/pause`],
      ] as const) {
        const body = method === 'PUT' ? delayed('Nowhere', 'nowhere', 'PT1S') : undefined;
        expectProblem(await tp.request(method, path, body), 404);
      }
      expectProblem(
        await tp.request('POST', `/v1/journeys/${unknown}/simulate`, {
          customer: { id: 'c-gold' },
          events: [{ name: 'x' }],
        }),
        404,
      );
      const journeyId = await create(delayed('Role checks', 'role_checks', 'PT1H'));
      expectProblem(
        await tp.request('POST', `/v1/journeys/${journeyId}/pause`, undefined, { key: analyst }),
        403,
      );
      expectProblem(
        await tp.request('DELETE', `/v1/journeys/${journeyId}`, undefined, { key: analyst }),
        403,
      );
      expectProblem(
        await tp.request('POST', `/v1/journeys/${journeyId}/simulate`, {
          customer: { id: 'nobody' },
          events: [{ name: 'x' }],
        }),
        404,
      );
      const badTimeline = expectProblem(
        await tp.request('POST', `/v1/journeys/${journeyId}/simulate`, {
          customer: { id: 'c-gold' },
          events: [],
        }),
        400,
      );
      expect(badTimeline.type).toContain('validation');
    });
  });

  it('should store and send nothing while simulating', async () => {
    const journeyId = await create(delayed('Simulated only', 'simulated_only', 'PT1S'));
    const tables = [
      'customers',
      'events',
      'enrollments',
      'scheduled_steps',
      'touchpoints',
      'sandbox_messages',
    ] as const;
    const before = await Promise.all(tables.map((t) => tp.count(t)));

    const result = await simulate(journeyId, {
      customer: { id: 'someone-new', phone: '+14155550101', consent: { sms: true } },
      events: [{ name: 'simulated_only', properties: { x: 1 } }],
    });

    expect(result.steps.map((s) => s.action)).toEqual(['wait', 'send', 'exit']);
    expect(await Promise.all(tables.map((t) => tp.count(t)))).toEqual(before);
  });
});
