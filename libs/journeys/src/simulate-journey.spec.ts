import { describe, expect, it } from 'vitest';
import { customerOf, journeyOf } from './journey.fixture';
import type { JourneyDefinitionInput } from './journey-definition';
import { simulateJourney, type SimulationInput, type TimelineEvent } from './simulate-journey';
import type { SendStep } from './step';

const t0 = new Date('2026-11-22T09:30:00Z');
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1_000);
const event = (name: string, at: Date, properties: Record<string, unknown> = {}): TimelineEvent => ({
  name,
  properties,
  occurredAt: at,
  at,
});
const sms = (id: string, body = id, extra: object = {}) =>
  ({ id, type: 'send', channel: 'sms', template: { body }, ...extra }) as const;

/** Returns an SMS body as it is and fails on a `{%` tag, so the spec needs no Liquid. */
const render: SimulationInput['render'] = async (step: SendStep) => {
  const body = 'body' in step.template ? step.template.body : '';
  return Promise.resolve(
    body.includes('{%')
      ? { ok: false, error: 'broken tag' }
      : { ok: true, rendered: { channel: step.channel, body } },
  );
};

function input(extra: Partial<SimulationInput> = {}): SimulationInput {
  return {
    journeyId: 'jrn-1',
    customer: customerOf({ phone: '+989121234567' }),
    events: [event('cart_abandoned', t0)],
    address: (channel) => (channel === 'sms' ? '+989121234567' : undefined),
    render,
    ...extra,
  };
}

const waitForOrder = (steps: JourneyDefinitionInput['steps'] = []) =>
  journeyOf(
    [
      {
        id: 'bought',
        type: 'wait_for_event',
        event: 'order_completed',
        timeout: 'PT2S',
        onEvent: 'done',
        onTimeout: 'discount',
      },
      sms('discount', '10% off with CART10', { next: 'done' }),
      { id: 'done', type: 'exit' },
      ...steps,
    ],
    { exitOn: [] },
  );

describe(simulateJourney.name, () => {
  it('should walk the cart journey: wait three days, then send the rendered SMS', async () => {
    const result = await simulateJourney(
      journeyOf([{ id: 'wait', type: 'wait', duration: 'P3D' }, sms('sms', 'your cart is waiting')]),
      input({ customer: customerOf({ timezone: 'Asia/Tehran' }) }),
    );

    expect(result).toMatchObject({ enrolled: true, timezone: 'Asia/Tehran', reason: null });
    expect(result.steps).toEqual([
      {
        stepId: 'wait',
        action: 'wait',
        at: new Date('2026-11-25T09:30:00Z'),
        localTime: '2026-11-25T13:00:00+03:30',
        channel: null,
        rendered: null,
        reason: 'wait P3D',
      },
      {
        stepId: 'sms',
        action: 'send',
        at: new Date('2026-11-25T09:30:00Z'),
        localTime: '2026-11-25T13:00:00+03:30',
        channel: 'sms',
        rendered: { channel: 'sms', body: 'your cart is waiting' },
        reason: null,
      },
      expect.objectContaining({ stepId: 'sms', action: 'exit', reason: 'completed: no step follows' }),
    ]);
  });

  it('should not enroll when no event matches the trigger', async () => {
    const result = await simulateJourney(
      journeyOf([sms('sms')], {
        trigger: { event: 'cart_abandoned', where: { path: 'event.properties.value', op: 'gt', value: 100 } },
      }),
      input({ events: [event('cart_abandoned', t0, { value: 50 }), event('page_viewed', after(1))] }),
    );

    expect(result).toMatchObject({ enrolled: false, steps: [] });
    expect(result.reason).toContain('"cart_abandoned" with its condition');
  });

  it('should take onEvent when the awaited event comes before the timeout', async () => {
    const result = await simulateJourney(
      waitForOrder(),
      input({ events: [event('cart_abandoned', t0), event('order_completed', after(1))] }),
    );

    expect(result.steps.map((s) => [s.stepId, s.action, s.at.toISOString()])).toEqual([
      ['bought', 'wait', after(1).toISOString()],
      ['done', 'exit', after(1).toISOString()],
    ]);
    expect(result.steps[0].reason).toBe('"order_completed" came within PT2S: onEvent → done');
  });

  it('should take onTimeout when the awaited event comes late or never', async () => {
    for (const events of [
      [event('cart_abandoned', t0)],
      [event('cart_abandoned', t0), event('order_completed', after(3))],
      // An order before the cart was abandoned is not the awaited one.
      [event('order_completed', after(-10)), event('cart_abandoned', t0)],
    ]) {
      const result = await simulateJourney(waitForOrder(), input({ events }));

      expect(result.steps.map((s) => [s.stepId, s.action])).toEqual([
        ['bought', 'wait'],
        ['discount', 'send'],
        ['done', 'exit'],
      ]);
      expect(result.steps[0]).toMatchObject({
        at: after(2),
        reason: 'no "order_completed" within PT2S: onTimeout → discount',
      });
      expect(result.steps[1]).toMatchObject({ at: after(2), rendered: { body: '10% off with CART10' } });
    }
  });

  it('should explain a branch on a customer attribute', async () => {
    const journey = journeyOf([
      {
        id: 'tier',
        type: 'branch',
        if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
        then: 'gold',
        else: 'standard',
      },
      sms('gold', 'gold offer', { next: 'bye' }),
      sms('standard', 'standard offer', { next: 'bye' }),
      { id: 'bye', type: 'exit' },
    ]);

    const gold = await simulateJourney(
      journey,
      input({ customer: customerOf({ attributes: { tier: 'gold' } }) }),
    );
    const other = await simulateJourney(journey, input());

    expect(gold.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
      ['tier', 'branch', 'branch: then → gold'],
      ['gold', 'send', null],
      ['bye', 'exit', 'exit step: the enrollment ends'],
    ]);
    expect(other.steps.map((s) => [s.stepId, s.action])).toEqual([
      ['tier', 'branch'],
      ['standard', 'send'],
      ['bye', 'exit'],
    ]);
  });

  it('should explain a branch that follows a wait at the moment it is decided', async () => {
    const journey = journeyOf([
      { id: 'day', type: 'wait', duration: 'P1D' },
      {
        id: 'tier',
        type: 'branch',
        if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
        then: 'gold',
        else: 'standard',
      },
      sms('gold', 'gold offer', { next: 'bye' }),
      sms('standard', 'standard offer', { next: 'bye' }),
      { id: 'bye', type: 'exit' },
    ]);

    const result = await simulateJourney(journey, input());

    expect(result.steps.map((s) => [s.stepId, s.action, s.at.toISOString()])).toEqual([
      ['day', 'wait', '2026-11-23T09:30:00.000Z'],
      ['tier', 'branch', '2026-11-23T09:30:00.000Z'],
      ['standard', 'send', '2026-11-23T09:30:00.000Z'],
      ['bye', 'exit', '2026-11-23T09:30:00.000Z'],
    ]);
  });

  it('should hold a send due in quiet hours and send it when they end, in local time', async () => {
    const journey = journeyOf([sms('sms')], { quietHours: { start: '21:00', end: '09:00' } });
    // 09:30 UTC is 04:30 in New York.
    const result = await simulateJourney(
      journey,
      input({ customer: customerOf({ timezone: 'America/New_York' }) }),
    );

    expect(result.steps.map((s) => [s.action, s.localTime, s.reason])).toEqual([
      ['hold', '2026-11-22T04:30:00-05:00', 'quiet_hours: 21:00–09:00 America/New_York, held until 09:00'],
      ['send', '2026-11-22T09:00:00-05:00', null],
      ['exit', '2026-11-22T09:00:00-05:00', 'completed: no step follows'],
    ]);
  });

  it('should expire a message at once when the quiet hours would hold it past its expiresAfter', async () => {
    const journey = journeyOf([sms('sms', 'sms', { expiresAfter: 'PT1H' })], {
      quietHours: { start: '21:00', end: '09:00' },
    });
    const result = await simulateJourney(
      journey,
      input({ customer: customerOf({ timezone: 'America/New_York' }) }),
    );

    expect(result.steps.map((s) => [s.action, s.localTime, s.reason])).toEqual([
      ['suppress', '2026-11-22T04:30:00-05:00', 'expired: not worth sending after 2026-11-22T10:30:00.000Z'],
      ['exit', '2026-11-22T04:30:00-05:00', 'completed: no step follows'],
    ]);
  });

  it('should suppress over a frequency cap, counting earlier sends, unless the journey is transactional', async () => {
    const steps = [sms('first'), { id: 'gap', type: 'wait', duration: 'PT1H' } as const, sms('second')];
    const caps = [{ channel: 'sms', max: 1, per: 'day' } as const];

    const marketing = await simulateJourney(journeyOf(steps), input({ caps }));
    const alreadySent = await simulateJourney(
      journeyOf(steps),
      input({ caps, sentBefore: [{ channel: 'sms', at: after(-3_600) }] }),
    );
    const transactional = await simulateJourney(journeyOf(steps, { transactional: true }), input({ caps }));

    expect(marketing.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
      ['first', 'send', null],
      ['gap', 'wait', 'wait PT1H'],
      ['second', 'suppress', 'frequency_cap: at most 1 sms per day'],
      ['second', 'exit', 'completed: no step follows'],
    ]);
    expect(alreadySent.steps[0]).toMatchObject({
      action: 'suppress',
      reason: 'frequency_cap: at most 1 sms per day',
    });
    expect(transactional.steps.filter((s) => s.action === 'send')).toHaveLength(2);
  });

  it('should suppress without consent or address, and on a template that cannot render', async () => {
    const noConsent = await simulateJourney(
      journeyOf([sms('sms')]),
      input({ customer: customerOf({ consent: {} }) }),
    );
    const noAddress = await simulateJourney(journeyOf([sms('sms')]), input({ address: () => undefined }));
    const broken = await simulateJourney(journeyOf([sms('sms', '{% broken')]), input());

    expect(noConsent.steps[0].reason).toBe('no_consent: the customer has not opted in to sms');
    expect(noAddress.steps[0].reason).toBe('no_address: the customer has no sms address');
    expect(broken.steps[0]).toMatchObject({ action: 'suppress', reason: 'template_error: broken tag' });
  });

  it('should stop at an exitOn event, before the step it would have sent', async () => {
    const result = await simulateJourney(
      journeyOf([{ id: 'wait', type: 'wait', duration: 'P3D' }, sms('sms')]),
      input({ events: [event('cart_abandoned', t0), event('order_completed', after(3_600))] }),
    );

    expect(result.steps).toEqual([
      expect.objectContaining({
        stepId: 'sms',
        action: 'exit',
        at: after(3_600),
        reason: 'exit_on: "order_completed" ends the enrollment; nothing more is sent',
      }),
    ]);
  });

  it('should report the split variant and end a holdout customer as an exit', async () => {
    const journey = journeyOf([
      {
        id: 'ab',
        type: 'split',
        holdout: 50,
        variants: [{ name: 'A', weight: 1, next: 'a' }],
      },
      sms('a'),
    ]);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        simulateJourney(journey, input({ customer: customerOf({ id: `c-${i}` }) })),
      ),
    );

    const held = results.filter((r) => r.variant === null);
    const sent = results.filter((r) => r.variant === 'A');
    expect(held.length + sent.length).toBe(40);
    expect(held.length).toBeGreaterThan(0);
    expect(held[0].steps).toEqual([
      expect.objectContaining({
        stepId: 'ab',
        action: 'exit',
        reason: 'holdout: holdout 50%, receives nothing from this journey (control group)',
      }),
    ]);
    expect(sent[0].steps.map((s) => [s.action, s.reason])).toEqual([
      ['branch', 'split: variant A → a'],
      ['send', null],
      ['exit', 'completed: no step follows'],
    ]);
  });

  it('should stop a journey that loops forever after maxSteps', async () => {
    const journey = journeyOf([
      sms('ping', 'ping', { next: 'pause' }),
      { id: 'pause', type: 'wait', duration: 'P1D', next: 'ping' },
    ]);

    const result = await simulateJourney(journey, input({ maxSteps: 5 }));

    expect(result.reason).toBe('stopped after 5 due steps');
    expect(result.steps.filter((s) => s.action === 'send')).toHaveLength(5);
  });
});

describe('simulateJourney with the steps beyond sending', () => {
  const which = {
    id: 'which',
    type: 'branch',
    if: { path: 'context.w.event', op: 'eq', value: 'b' },
    then: 'isB',
    else: 'other',
  } as const;

  it('should end a wait for several events on the first that comes and branch on which it was', async () => {
    const journey = journeyOf(
      [
        {
          id: 'w',
          type: 'wait_for_event',
          events: ['a', 'b'],
          timeout: 'PT1H',
          onEvent: 'which',
          onTimeout: 'other',
        },
        which,
        sms('isB', 'it was b', { next: 'done' }),
        sms('other', 'something else', { next: 'done' }),
        { id: 'done', type: 'exit' },
      ],
      { exitOn: [] },
    );
    const result = await simulateJourney(
      journey,
      input({ events: [event('cart_abandoned', t0), event('b', after(60))] }),
    );
    expect(result.steps.map((s) => [s.stepId, s.action, s.reason])).toEqual([
      ['w', 'wait', '"b" came within PT1H: onEvent → which'],
      ['which', 'branch', 'branch: then → isB'],
      ['isB', 'send', null],
      ['done', 'exit', 'exit step: the enrollment ends'],
    ]);
  });

  it('should update the simulated customer, time out an attribute wait, and take a webhook as answering 200', async () => {
    const journey = journeyOf(
      [
        { id: 'mark', type: 'update_attributes', increment: { n: 1 } },
        {
          id: 'hook',
          type: 'webhook',
          url: 'https://crm.example.com/h',
          body: { n: '{{ customer.attributes.n }}' },
        },
        {
          id: 'up',
          type: 'wait_for_attribute',
          attribute: 'plan',
          timeout: 'PT1H',
          onChange: 'done',
          onTimeout: 'ok',
        },
        {
          id: 'ok',
          type: 'branch',
          if: {
            all: [
              { path: 'context.hook.ok', op: 'eq', value: true },
              { path: 'customer.attributes.n', op: 'eq', value: 1 },
            ],
          },
          then: 'yes',
          else: 'done',
        },
        sms('yes', 'counted and answered', { next: 'done' }),
        { id: 'done', type: 'exit' },
      ],
      { exitOn: [] },
    );
    const result = await simulateJourney(journey, input());
    expect(result.steps.map((s) => [s.stepId, s.action])).toEqual([
      ['mark', 'update'],
      ['hook', 'call'],
      ['up', 'wait'],
      ['ok', 'branch'],
      ['yes', 'send'],
      ['done', 'exit'],
    ]);
    expect(result.steps[2].at).toEqual(after(3_600));
  });
});
