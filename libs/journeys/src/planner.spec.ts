import { describe, expect, it } from 'vitest';
import { cartAbandonment, contextOf, customerOf, journeyOf } from './journey.fixture';
import { journeyDefinitionSchema } from './journey-definition';
import { JourneyPlanError } from './journey-plan-error';
import type { Plan } from './plan';
import { planAfter, planFirst, planOnEvent, planOnTimeout } from './planner';

const sms = (id: string, extra: object = {}) =>
  ({ id, type: 'send', channel: 'sms', template: { body: id }, ...extra }) as const;

function due(plan: Plan) {
  if (plan.kind !== 'due') throw new Error(`expected a due step, got ${JSON.stringify(plan)}`);
  return plan;
}

function iso(plan: Plan): string {
  return (plan.kind === 'due' ? plan.dueAt : plan.at).toISOString();
}

describe(planFirst.name, () => {
  const enrolledAt = new Date('2026-11-22T09:30:00Z');

  it('should plan the cart-abandonment SMS three days after enrollment', () => {
    const journey = journeyDefinitionSchema.parse(cartAbandonment);

    const plan = due(planFirst(journey, enrolledAt, contextOf()));

    expect(plan).toMatchObject({ stepId: 'sms', step: { type: 'send', channel: 'sms' } });
    expect(plan.dueAt.toISOString()).toBe('2026-11-25T09:30:00.000Z');
    expect(plan.trace).toEqual([
      { stepId: 'wait', action: 'wait', at: new Date('2026-11-25T09:30:00Z'), detail: 'P3D' },
    ]);
    expect(plan.variant).toBeUndefined();
  });

  it('should plan a first send at once', () => {
    const plan = planFirst(journeyOf([sms('hello')]), enrolledAt, contextOf());

    expect(plan).toMatchObject({ kind: 'due', stepId: 'hello', dueAt: enrolledAt, trace: [] });
  });

  it('should fold consecutive waits into one due time', () => {
    const journey = journeyOf([
      { id: 'a', type: 'wait', duration: 'P1D' },
      { id: 'b', type: 'wait', duration: 'PT2H' },
      { id: 'c', type: 'wait', duration: 'PT2S' },
      sms('s'),
    ]);

    const plan = planFirst(journey, enrolledAt, contextOf());

    expect(iso(plan)).toBe('2026-11-23T11:30:02.000Z');
    expect(plan.trace.map((entry) => entry.stepId)).toEqual(['a', 'b', 'c']);
  });

  it('should end exited at an exit step', () => {
    const journey = journeyOf([
      { id: 'w', type: 'wait', duration: 'PT1H' },
      { id: 'bye', type: 'exit' },
    ]);

    const plan = planFirst(journey, enrolledAt, contextOf());

    expect(plan).toMatchObject({ kind: 'end', outcome: 'exited', at: new Date('2026-11-22T10:30:00Z') });
    expect(plan.trace.map((entry) => entry.action)).toEqual(['wait', 'exit']);
  });

  it('should end completed when only waits remain', () => {
    const plan = planFirst(journeyOf([{ id: 'w', type: 'wait', duration: 'P1D' }]), enrolledAt, contextOf());

    expect(plan).toMatchObject({ kind: 'end', outcome: 'completed', at: new Date('2026-11-23T09:30:00Z') });
  });

  it('should add P1D in Asia/Tehran as a local day', () => {
    const customer = customerOf({ timezone: 'Asia/Tehran' });
    const journey = journeyOf([{ id: 'w', type: 'wait', duration: 'P1D' }, sms('s')]);

    expect(iso(planFirst(journey, enrolledAt, contextOf(customer)))).toBe('2026-11-23T09:30:00.000Z');
  });

  it('should keep the wall-clock time across the New York DST change of 2026-11-01 for P1D, not for PT24H', () => {
    const customer = customerOf({ timezone: 'America/New_York' });
    const saturdayTenAm = new Date('2026-10-31T14:00:00Z'); // 10:00 EDT

    const byDay = planFirst(
      journeyOf([{ id: 'w', type: 'wait', duration: 'P1D' }, sms('s')]),
      saturdayTenAm,
      contextOf(customer),
    );
    const byHours = planFirst(
      journeyOf([{ id: 'w', type: 'wait', duration: 'PT24H' }, sms('s')]),
      saturdayTenAm,
      contextOf(customer),
    );

    expect(iso(byDay)).toBe('2026-11-01T15:00:00.000Z'); // 10:00 EST
    expect(iso(byHours)).toBe('2026-11-01T14:00:00.000Z'); // 09:00 EST
  });

  it('should count days in UTC for a customer with no timezone or an invalid one', () => {
    const journey = journeyOf([{ id: 'w', type: 'wait', duration: 'P1D' }, sms('s')]);
    const saturday = new Date('2026-10-31T14:00:00Z');

    expect(iso(planFirst(journey, saturday, contextOf(customerOf({ timezone: null }))))).toBe(
      '2026-11-01T14:00:00.000Z',
    );
    expect(iso(planFirst(journey, saturday, contextOf(customerOf({ timezone: 'Mars/Olympus' }))))).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });
});

describe(planAfter.name, () => {
  const sentAt = new Date('2026-11-25T09:30:00Z');

  it('should complete after the last step of the cart-abandonment journey', () => {
    const journey = journeyDefinitionSchema.parse(cartAbandonment);

    expect(planAfter(journey, 'sms', sentAt, contextOf())).toEqual({
      kind: 'end',
      outcome: 'completed',
      at: sentAt,
      trace: [],
    });
  });

  it('should follow array order', () => {
    const journey = journeyOf([
      sms('one'),
      { id: 'w', type: 'wait', duration: 'PT2H' },
      sms('two'),
      sms('three'),
    ]);

    const second = due(planAfter(journey, 'one', sentAt, contextOf()));
    const third = due(planAfter(journey, 'two', second.dueAt, contextOf()));

    expect([second.stepId, second.dueAt.toISOString()]).toEqual(['two', '2026-11-25T11:30:00.000Z']);
    expect([third.stepId, third.dueAt.toISOString()]).toEqual(['three', '2026-11-25T11:30:00.000Z']);
  });

  it('should follow next before array order', () => {
    const journey = journeyOf([
      sms('one', { next: 'three' }),
      sms('two', { next: 'x' }),
      sms('three', { next: 'two' }),
      { id: 'x', type: 'exit' },
    ]);

    expect(due(planAfter(journey, 'one', sentAt, contextOf())).stepId).toBe('three');
    expect(due(planAfter(journey, 'three', sentAt, contextOf())).stepId).toBe('two');
  });

  it('should refuse an unknown step id and a wait_for_event', () => {
    const journey = journeyOf([
      {
        id: 'w',
        type: 'wait_for_event',
        event: 'order_completed',
        timeout: 'P1D',
        onEvent: 's',
        onTimeout: 's',
      },
      sms('s'),
    ]);

    expect(() => planAfter(journey, 'nope', sentAt, contextOf())).toThrow(JourneyPlanError);
    expect(() => planAfter(journey, 'w', sentAt, contextOf())).toThrow(/planOnEvent/);
  });
});

describe('planner branches, waits for events and splits', () => {
  const at = new Date('2026-11-22T09:30:00Z');
  const gold = customerOf({ attributes: { tier: 'gold' } });
  const silver = customerOf({ attributes: { tier: 'silver' } });
  const branching = journeyOf([
    {
      id: 'tier',
      type: 'branch',
      if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
      then: 'vip',
      else: 'later',
    },
    { id: 'later', type: 'wait', duration: 'P1D', next: 'plain' },
    sms('vip', { next: 'bye' }),
    sms('plain'),
    { id: 'bye', type: 'exit' },
  ]);

  it('should take then when the condition holds and else when not', () => {
    const vip = due(planFirst(branching, at, contextOf(gold)));
    const plain = due(planFirst(branching, at, contextOf(silver)));

    expect([vip.stepId, vip.dueAt]).toEqual(['vip', at]);
    expect(vip.trace).toEqual([{ stepId: 'tier', action: 'branch', at, detail: 'then → vip' }]);
    expect([plain.stepId, plain.dueAt.toISOString()]).toEqual(['plain', '2026-11-23T09:30:00.000Z']);
  });

  it('should decide a branch that follows a wait when it comes due, on the customer as they are then', () => {
    const journey = journeyOf([
      { id: 'day', type: 'wait', duration: 'P1D' },
      {
        id: 'tier',
        type: 'branch',
        if: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
        then: 'vip',
        else: 'plain',
      },
      sms('vip', { next: 'bye' }),
      sms('plain'),
      { id: 'bye', type: 'exit' },
    ]);

    const waiting = due(planFirst(journey, at, contextOf(silver)));
    // The customer turned gold during the day.
    const decided = due(planAfter(journey, 'tier', waiting.dueAt, contextOf(gold)));

    expect(waiting).toMatchObject({ stepId: 'tier', step: { type: 'branch' } });
    expect(waiting.dueAt.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(waiting.trace.map((entry) => entry.action)).toEqual(['wait']);
    expect(decided).toMatchObject({ stepId: 'vip', dueAt: waiting.dueAt });
    expect(decided.trace).toEqual([
      { stepId: 'tier', action: 'branch', at: waiting.dueAt, detail: 'then → vip' },
    ]);
  });

  it('should see the triggering event in branch conditions', () => {
    const journey = journeyOf([
      {
        id: 'big',
        type: 'branch',
        if: { path: 'event.properties.cartValue', op: 'gt', value: 100 },
        then: 'a',
        else: 'b',
      },
      sms('a', { next: 'bye' }),
      sms('b'),
      { id: 'bye', type: 'exit' },
    ]);
    const event = { name: 'cart_abandoned', properties: { cartValue: 129.5 } };

    expect(due(planFirst(journey, at, contextOf(silver, { event }))).stepId).toBe('a');
    expect(due(planFirst(journey, at, contextOf(silver))).stepId).toBe('b');
  });

  it('should plan a wait_for_event at its timeout and continue on event or on timeout', () => {
    const journey = journeyOf([
      sms('nudge'),
      {
        id: 'bought',
        type: 'wait_for_event',
        event: 'order_completed',
        timeout: 'P2D',
        onEvent: 'thanks',
        onTimeout: 'reminder',
      },
      sms('reminder', { next: 'bye' }),
      sms('thanks'),
      { id: 'bye', type: 'exit' },
    ]);

    const waiting = due(planAfter(journey, 'nudge', at, contextOf()));
    const eventAt = new Date('2026-11-23T00:00:00Z');

    expect([waiting.stepId, waiting.dueAt.toISOString()]).toEqual(['bought', '2026-11-24T09:30:00.000Z']);
    expect(due(planOnEvent(journey, 'bought', eventAt, contextOf()))).toMatchObject({
      stepId: 'thanks',
      dueAt: eventAt,
    });
    expect(due(planOnTimeout(journey, 'bought', waiting.dueAt, contextOf()))).toMatchObject({
      stepId: 'reminder',
    });
    expect(() => planOnEvent(journey, 'nudge', at, contextOf())).toThrow(JourneyPlanError);
  });

  it('should return the chosen variant with the due step and end customers in the holdout', () => {
    const journey = journeyOf([
      {
        id: 'ab',
        type: 'split',
        holdout: 20,
        variants: [
          { name: 'A', weight: 1, next: 'a' },
          { name: 'B', weight: 1, next: 'b' },
        ],
      },
      sms('a', { next: 'bye' }),
      sms('b', { next: 'bye' }),
      { id: 'bye', type: 'exit' },
    ]);
    const plans = Array.from({ length: 200 }, (_, i) =>
      planFirst(journey, at, contextOf(customerOf({ id: `c-${i}` }))),
    );

    const holdouts = plans.filter((plan) => plan.kind === 'end');
    const sends = plans.filter((plan) => plan.kind === 'due');

    expect(holdouts.length).toBeGreaterThan(0);
    expect(holdouts[0]).toMatchObject({
      outcome: 'holdout',
      trace: [{ stepId: 'ab', action: 'holdout', detail: 'holdout 20%' }],
    });
    for (const plan of sends) {
      expect(plan.variant === 'A' ? 'a' : 'b').toBe(plan.stepId);
      expect(plan.trace).toEqual([
        { stepId: 'ab', action: 'split', at, detail: `variant ${plan.variant} → ${plan.stepId}` },
      ]);
    }
  });

  it('should keep the chosen variant when the walk ends right after the split', () => {
    const journey = journeyOf([
      {
        id: 'ab',
        type: 'split',
        variants: [
          { name: 'quiet', weight: 1, next: 'bye' },
          { name: 'loud', weight: 0, next: 'bye' },
        ],
      },
      { id: 'bye', type: 'exit' },
    ]);

    expect(planFirst(journey, at, contextOf())).toMatchObject({
      kind: 'end',
      outcome: 'exited',
      variant: 'quiet',
    });
  });

  it('should refuse to walk a loop that never reaches a due step', () => {
    const valid = journeyOf([{ id: 'tick', type: 'wait', duration: 'P1D' }]);
    const journey = {
      ...valid,
      steps: [{ id: 'tick', type: 'wait', duration: 'P1D', next: 'tick' } as const],
    };

    expect(() => planFirst(journey, at, contextOf())).toThrow(/loops/);
  });
});
