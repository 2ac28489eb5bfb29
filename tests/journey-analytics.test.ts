import {
  EnrollmentRepository,
  EventRepository,
  SurveyAnswerRepository,
  TouchpointRepository,
  type TouchpointStatus,
} from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';

/**
 * A small fixture whose every figure is counted by hand in the comments: a cart journey split A/B with a
 * 20% holdout, a goal (order_completed within 7 days), a survey; ten customers; one other journey.
 */
const T0 = new Date('2026-06-01T00:00:00Z'); // a Monday
const at = (ms: number) => new Date(T0.getTime() + ms);
const H = 3_600_000;
const D = 24 * H;

const cartJourney = {
  name: 'Cart SMS A/B',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  goal: { event: 'order_completed', within: 'P7D' },
  survey: { question: 'How likely are you to recommend us?', scale: 'nps' },
  steps: [
    {
      id: 'split',
      type: 'split',
      variants: [
        { name: 'A', weight: 50, next: 'smsA' },
        { name: 'B', weight: 50, next: 'smsB' },
      ],
      holdout: 20,
    },
    { id: 'smsA', type: 'send', channel: 'sms', template: { body: 'A {{ survey.url }}' }, next: 'email' },
    { id: 'smsB', type: 'send', channel: 'sms', template: { body: 'B {{ survey.url }}' }, next: 'email' },
    { id: 'email', type: 'send', channel: 'email', template: { subject: 'Your cart', html: '<p>Hi</p>' } },
  ],
};

const winBack = {
  name: 'Win back push',
  stage: 'retention',
  trigger: { event: 'idle' },
  goal: { event: 'order_completed', within: 'P1D' },
  steps: [{ id: 'push', type: 'send', channel: 'push', template: { title: 'Hi', body: 'Back?' } }],
};

describe('journey stats, stage analytics and journey maps against a fixture counted by hand', () => {
  let tp: TouchpointHarness;
  let analyst: string;
  let cartId: string;
  let winBackId: string;
  const carriers: Record<string, string> = {};

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    analyst = await tp.keyFor('analyst');
    cartId = (await tp.request<{ id: string }>('POST', '/v1/journeys', cartJourney)).body.id;
    winBackId = (await tp.request<{ id: string }>('POST', '/v1/journeys', winBack)).body.id;
    expect(cartId).toBeDefined();
    expect(winBackId).toBeDefined();
    const repo = tp.app.get(TouchpointRepository);

    for (let i = 1; i <= 10; i++) {
      const res = await tp.request('PUT', `/v1/customers/c${i}`, {
        phone: `+98912123${String(4560 + i).padStart(4, '0')}`,
        email: `c${i}@example.com`,
        locale: i === 1 ? 'fa' : 'en',
        consent: { sms: true, email: true, push: true },
      });
      expect(res.status).toBe(200);
    }

    const enroll = async (
      customer: string,
      variant: string | null,
      status: 'active' | 'completed' | 'exited' | 'holdout',
      journeyId = cartId,
    ) => {
      const id = randomUUID();
      await tp.db
        .insertInto('enrollments')
        .values({
          id,
          journey_id: journeyId,
          journey_version: 1,
          customer_id: customer,
          status,
          variant,
          enrolled_at: T0,
        })
        .execute();
      return id;
    };
    /** A touchpoint created at T0 that goes through `trail` (after `scheduled`), sent at `sentAt`. */
    const touchpoint = async (input: {
      customer: string;
      enrollment: string;
      step: string;
      channel: 'sms' | 'email' | 'push';
      trail: TouchpointStatus[];
      sentAt?: Date;
      error?: string;
      journeyId?: string;
      stage?: string;
    }) => {
      const id = await repo.createScheduled(tp.db, {
        enrollmentId: input.enrollment,
        stepId: input.step,
        customerId: input.customer,
        journeyId: input.journeyId ?? cartId,
        journeyVersion: 1,
        stage: input.stage ?? 'decision',
        channel: input.channel,
        scheduledFor: T0,
        at: T0,
      });
      const n = Number(input.customer.slice(1));
      const to = {
        sms: `+98912123${4560 + n}`,
        email: `${input.customer}@example.com`,
        push: 'https://push.example/x',
      };
      await tp.db.updateTable('touchpoints').set({ to: to[input.channel] }).where('id', '=', id).execute();
      let from: TouchpointStatus = 'scheduled';
      for (const to of input.trail) {
        const set =
          to === 'sent'
            ? { sent_at: input.sentAt, provider: 'sandbox' }
            : to === 'delivered'
              ? { delivered_at: input.sentAt }
              : ['failed', 'suppressed'].includes(to)
                ? { error: input.error }
                : {};
        expect(await repo.transition(tp.db, id, { from, to, at: input.sentAt ?? T0, set })).toBeDefined();
        from = to;
      }
      return id;
    };
    const delivered: TouchpointStatus[] = ['sending', 'sent', 'delivered'];

    // c1, variant A, completed: smsA delivered at +1h; email clicked at +2h; an order at +3h goes to the email.
    const e1 = await enroll('c1', 'A', 'completed');
    carriers.c1 = await touchpoint({
      customer: 'c1',
      enrollment: e1,
      step: 'smsA',
      channel: 'sms',
      trail: delivered,
      sentAt: at(H),
    });
    const c1Email = await touchpoint({
      customer: 'c1',
      enrollment: e1,
      step: 'email',
      channel: 'email',
      trail: [...delivered, 'opened', 'clicked'],
      sentAt: at(2 * H),
    });
    carriers.c1Email = c1Email;
    // c2, A, completed: smsA delivered at +1h; the order at +8d is outside the 7-day window.
    const e2 = await enroll('c2', 'A', 'completed');
    carriers.c2 = await touchpoint({
      customer: 'c2',
      enrollment: e2,
      step: 'smsA',
      channel: 'sms',
      trail: delivered,
      sentAt: at(H),
    });
    // c3, B, completed: smsB delivered at +1h; orders at +1d and +2d: two conversions, one touchpoint.
    const e3 = await enroll('c3', 'B', 'completed');
    carriers.c3 = await touchpoint({
      customer: 'c3',
      enrollment: e3,
      step: 'smsB',
      channel: 'sms',
      trail: delivered,
      sentAt: at(H),
    });
    // c4, B: smsB failed. c5, B: smsB suppressed (no consent), email suppressed (frequency cap).
    const e4 = await enroll('c4', 'B', 'completed');
    await touchpoint({
      customer: 'c4',
      enrollment: e4,
      step: 'smsB',
      channel: 'sms',
      trail: ['sending', 'failed'],
      error: '30003',
    });
    const e5 = await enroll('c5', 'B', 'completed');
    await touchpoint({
      customer: 'c5',
      enrollment: e5,
      step: 'smsB',
      channel: 'sms',
      trail: ['suppressed'],
      error: 'no_consent',
    });
    await touchpoint({
      customer: 'c5',
      enrollment: e5,
      step: 'email',
      channel: 'email',
      trail: ['suppressed'],
      error: 'frequency_cap',
    });
    // c6, A, exited: smsA cancelled. c9, A, active: smsA unknown. c10, B, active: smsB still scheduled.
    const e6 = await enroll('c6', 'A', 'exited');
    await touchpoint({ customer: 'c6', enrollment: e6, step: 'smsA', channel: 'sms', trail: ['cancelled'] });
    const e9 = await enroll('c9', 'A', 'active');
    await touchpoint({
      customer: 'c9',
      enrollment: e9,
      step: 'smsA',
      channel: 'sms',
      trail: ['sending', 'unknown'],
    });
    const e10 = await enroll('c10', 'B', 'active');
    await touchpoint({ customer: 'c10', enrollment: e10, step: 'smsB', channel: 'sms', trail: [] });
    // c7, c8: holdout; c7 orders at +2d.
    await enroll('c7', null, 'holdout');
    await enroll('c8', null, 'holdout');
    // Another journey's push to c1 at +2h30m: its own goal window (1 day) claims c1's order as well.
    const w1 = await enroll('c1', null, 'completed', winBackId);
    await touchpoint({
      customer: 'c1',
      enrollment: w1,
      step: 'push',
      channel: 'push',
      trail: delivered,
      sentAt: at(2.5 * H),
      journeyId: winBackId,
      stage: 'retention',
    });

    const event = (customer: string, name: string, when: Date, properties: Record<string, unknown> = {}) => ({
      id: `evt-${randomUUID()}`,
      customer_id: customer,
      name,
      properties: JSON.stringify(properties),
      occurred_at: when,
      received_at: when,
      processed_at: when,
    });
    const goalEvents = await tp.db
      .insertInto('events')
      .values([
        event('c1', 'order_completed', at(-D), { note: 'before any touchpoint' }),
        event('c1', 'order_completed', at(3 * H), { total: 42, email: 'c1@example.com' }),
        event('c2', 'order_completed', at(8 * D)),
        event('c3', 'order_completed', at(D)),
        event('c3', 'order_completed', at(2 * D)),
        event('c7', 'order_completed', at(2 * D)),
      ])
      .returning('id')
      .execute();
    // Inserted as already processed: what the worker records with its claim, recorded here.
    await tp.app.get(EventRepository).recordConversions(
      tp.db,
      goalEvents.map((e) => e.id),
    );
    await tp.app.get(EnrollmentRepository).recordConversions(tp.db, ['c1', 'c2', 'c3', 'c7']);

    // Survey answers: c1 (10) and c3 (9) in the first week, c2 (3) in the second.
    const answers = tp.app.get(SurveyAnswerRepository);
    for (const [carrier, score, when] of [
      [carriers.c1, 10, at(D)],
      [carriers.c3, 9, at(D + H)],
      [carriers.c2, 3, at(9 * D)],
    ] as const) {
      const found = await answers.findCarrier(carrier);
      expect(found?.survey).toBeTruthy();
      expect(await answers.record(found!, { score, comment: 'reach me at c9@example.com' }, when)).not.toBe(
        'answered',
      );
    }
  });
  afterAll(() => tp?.close());

  it('should count enrollments, the funnel and each channel as counted by hand', async () => {
    const res = await tp.request<Record<string, unknown>>('GET', `/v1/journeys/${cartId}/stats`, undefined, {
      key: analyst,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enrolled: 10,
      active: 2,
      exited: 1,
      completed: 5,
      holdout: 2,
      touchpoints: {
        scheduled: 10,
        pending: 1,
        sent: 4,
        delivered: 4,
        opened: 1,
        clicked: 1,
        failed: 1,
        bounced: 0,
        suppressed: 2,
        suppressedBy: { no_consent: 1, frequency_cap: 1 },
        cancelled: 1,
        unknown: 1,
        answered: 3,
      },
      byChannel: {
        sms: {
          scheduled: 8,
          pending: 1,
          sent: 3,
          delivered: 3,
          opened: 0,
          failed: 1,
          suppressed: 1,
          cancelled: 1,
          unknown: 1,
          answered: 3,
          conversions: 2,
          converted: 1,
        },
        email: {
          scheduled: 2,
          sent: 1,
          delivered: 1,
          opened: 1,
          clicked: 1,
          suppressed: 1,
          suppressedBy: { frequency_cap: 1 },
          conversions: 1,
          converted: 1,
        },
      },
      nps: { responses: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 },
    });
  });

  it('should give each step and each variant its funnel and conversions', async () => {
    const { body } = await tp.request<{
      steps: Record<string, unknown>[];
      variants: Record<string, unknown>[];
    }>('GET', `/v1/journeys/${cartId}/stats`);
    expect(body.steps).toEqual([
      expect.objectContaining({ stepId: 'split', type: 'split', entered: 10 }),
      expect.objectContaining({
        stepId: 'smsA',
        entered: 4,
        scheduled: 4,
        sent: 2,
        delivered: 2,
        cancelled: 1,
        unknown: 1,
        answered: 2,
        conversions: 0,
        conversionRate: 0,
      }),
      expect.objectContaining({
        stepId: 'smsB',
        entered: 4,
        scheduled: 4,
        pending: 1,
        sent: 1,
        failed: 1,
        suppressed: 1,
        suppressedBy: { no_consent: 1 },
        conversions: 2,
        converted: 1,
        conversionRate: 1,
      }),
      expect.objectContaining({
        stepId: 'email',
        entered: 2,
        sent: 1,
        clicked: 1,
        suppressedBy: { frequency_cap: 1 },
        conversions: 1,
        converted: 1,
      }),
    ]);
    expect(body.variants).toEqual([
      expect.objectContaining({
        variant: 'A',
        enrolled: 4,
        completed: 2,
        exited: 1,
        active: 1,
        converted: 1,
        conversionRate: 0.25,
        touchpoints: expect.objectContaining({ scheduled: 5, sent: 3, clicked: 1, cancelled: 1, unknown: 1 }),
        attributed: { conversions: 1, converted: 1 },
      }),
      expect.objectContaining({
        variant: 'B',
        enrolled: 4,
        completed: 3,
        active: 1,
        converted: 1,
        conversionRate: 0.25,
        touchpoints: expect.objectContaining({
          scheduled: 5,
          sent: 1,
          failed: 1,
          suppressed: 2,
          suppressedBy: { no_consent: 1, frequency_cap: 1 },
        }),
        attributed: { conversions: 2, converted: 1 },
      }),
    ]);
  });

  it('should attribute each goal event to the last touchpoint before it and put the holdout beside it', async () => {
    const { body } = await tp.request<{ conversions: unknown }>('GET', `/v1/journeys/${cartId}/stats`);
    expect(body.conversions).toEqual({
      goal: { event: 'order_completed', within: 'P7D' },
      attributed: 3,
      touchpointsConverted: 2,
      treated: { enrolled: 8, converted: 2, rate: 0.25 },
      holdout: { enrolled: 2, converted: 1, rate: 0.5 },
      lift: { absolute: -0.25, relative: -0.5 },
    });
  });

  it('should narrow every figure to a time range', async () => {
    const { body } = await tp.request<Record<string, unknown>>(
      'GET',
      `/v1/journeys/${cartId}/stats?from=${at(D).toISOString()}&to=${at(30 * D).toISOString()}`,
    );
    expect(body).toMatchObject({ enrolled: 0, touchpoints: { scheduled: 0 }, nps: { responses: 3 } });
    const missing = await tp.request('GET', `/v1/journeys/${cartId}/stats?version=9`);
    expect(missing.status).toBe(404);
    expect((await tp.request('GET', `/v1/journeys/${randomUUID()}/stats`)).status).toBe(404);
    expect(
      (await tp.request('GET', `/v1/journeys/${cartId}/stats`, undefined, { key: await tp.keyFor('ingest') }))
        .status,
    ).toBe(403);
  });

  it('should show per stage and channel what was sent, delivered, engaged, converted and scored', async () => {
    const { status, body } = await tp.request<{ stages: unknown[] }>(
      'GET',
      `/v1/analytics/stages?from=${at(-D).toISOString()}&to=${at(30 * D).toISOString()}`,
      undefined,
      { key: analyst },
    );
    expect(status).toBe(200);
    expect(body.stages).toEqual([
      expect.objectContaining({
        stage: 'decision',
        touchpoints: 10,
        sent: 4,
        delivered: 4,
        engaged: 4,
        converted: 2,
        survey: expect.objectContaining({
          responses: 3,
          promoters: 2,
          detractors: 1,
          score: 33.3,
          average: 7.3,
        }),
        channels: [
          expect.objectContaining({
            channel: 'email',
            touchpoints: 2,
            sent: 1,
            delivered: 1,
            engaged: 1,
            converted: 1,
            survey: expect.objectContaining({ responses: 0, score: null }),
          }),
          expect.objectContaining({
            channel: 'sms',
            touchpoints: 8,
            sent: 3,
            delivered: 3,
            engaged: 3,
            converted: 1,
            survey: expect.objectContaining({ responses: 3, score: 33.3, average: 7.3 }),
          }),
        ],
      }),
      expect.objectContaining({
        stage: 'retention',
        touchpoints: 1,
        sent: 1,
        delivered: 1,
        engaged: 0,
        converted: 1,
        channels: [expect.objectContaining({ channel: 'push', converted: 1 })],
      }),
    ]);
  });

  it('should give NPS per week', async () => {
    const { body } = await tp.request<{ items: unknown[] }>(
      'GET',
      `/v1/analytics/nps?from=${T0.toISOString()}&to=${at(30 * D).toISOString()}&interval=week&journeyId=${cartId}`,
    );
    expect(body.items).toEqual([
      {
        period: '2026-06-01T00:00:00.000Z',
        responses: 2,
        promoters: 2,
        passives: 0,
        detractors: 0,
        score: 100,
      },
      {
        period: '2026-06-08T00:00:00.000Z',
        responses: 1,
        promoters: 0,
        passives: 0,
        detractors: 1,
        score: -100,
      },
    ]);
  });

  it('should map what a customer went through, by stage, each touchpoint with its outcome', async () => {
    const { status, body } = await tp.request<{
      stages: { stage: string | null; items: Record<string, unknown>[]; outcomes: Record<string, number> }[];
      timeline: { type: string; id: string }[];
    }>('GET', '/v1/customers/c1/journey-map', undefined, { key: analyst });
    expect(status).toBe(200);
    expect(body.stages.map((s) => s.stage)).toEqual(['decision', 'retention', null]);
    const [decision, retention, none] = body.stages;
    expect(decision.outcomes).toEqual({ delivered: 1, clicked: 1 });
    expect(decision.items).toEqual([
      expect.objectContaining({
        type: 'touchpoint',
        stepId: 'smsA',
        to: '+98912•••4561',
        outcome: 'delivered',
        survey: expect.objectContaining({ score: 10, comment: 'reach me at c•••@example.com' }),
        conversion: null,
      }),
      expect.objectContaining({
        type: 'touchpoint',
        stepId: 'email',
        to: 'c•••@example.com',
        outcome: 'clicked',
        conversion: expect.objectContaining({ name: 'order_completed' }),
      }),
    ]);
    // The order at +3h is each journey's conversion; it sits with the last touchpoint it converted.
    expect(retention.items).toEqual([
      expect.objectContaining({ type: 'touchpoint', stepId: 'push', outcome: 'delivered' }),
      expect.objectContaining({
        type: 'event',
        name: 'order_completed',
        properties: { total: 42, email: 'c•••@example.com' },
        converted: [
          { touchpointId: carriers.c1Email, journeyId: cartId },
          { touchpointId: expect.any(String), journeyId: winBackId },
        ],
      }),
    ]);
    expect(none.items).toEqual([
      expect.objectContaining({
        type: 'event',
        properties: { note: 'before any touchpoint' },
        converted: [],
      }),
    ]);
    expect(body.timeline.map((i) => i.type)).toEqual([
      'event',
      'touchpoint',
      'touchpoint',
      'touchpoint',
      'event',
    ]);
    expect((await tp.request('GET', '/v1/customers/nobody/journey-map')).status).toBe(404);
  });
  const period = `from=${at(-D).toISOString()}&to=${at(30 * D).toISOString()}`;

  it('should put conversions of the treated and of each variant beside the holdout, with interval and p-value', async () => {
    const { status, body } = await tp.request<Record<string, unknown>>(
      'GET',
      `/v1/journeys/${cartId}/report?${period}`,
      undefined,
      { key: analyst },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ enrolled: 10, holdout: 2, touchpoints: { scheduled: 10, sent: 4 } });
    // Treated 2 of 8 against the holdout's 1 of 2: a lift of -0.25 that two customers cannot tell from noise.
    const significance = body.significance as {
      control: unknown;
      treated: { lift: number; ci95: [number, number]; pValue: number; significant: boolean };
      variants: { variant: string; rate: number; controlRate: number }[];
    };
    expect(significance.control).toEqual({ n: 2, converted: 1 });
    expect(significance.treated).toMatchObject({
      rate: 0.25,
      controlRate: 0.5,
      lift: -0.25,
      significant: false,
    });
    expect(significance.treated.pValue).toBeCloseTo(0.4902, 3);
    expect(significance.treated.ci95[0]).toBeLessThan(0);
    expect(significance.treated.ci95[1]).toBeGreaterThan(0);
    expect(significance.variants).toEqual([
      expect.objectContaining({ variant: 'A', rate: 0.25, controlRate: 0.5 }),
      expect.objectContaining({ variant: 'B', rate: 0.25, controlRate: 0.5 }),
    ]);
    expect(body.series).toEqual([
      expect.objectContaining({
        period: '2026-06-01T00:00:00.000Z',
        channel: 'email',
        scheduled: 2,
        sent: 1,
        clicked: 1,
      }),
      expect.objectContaining({
        period: '2026-06-01T00:00:00.000Z',
        channel: 'sms',
        scheduled: 8,
        sent: 3,
        delivered: 3,
        failed: 1,
      }),
    ]);
    expect((await tp.request('GET', `/v1/journeys/${randomUUID()}/report`)).status).toBe(404);
  });

  it('should give the funnel per day and channel, and the failure reasons with the provider code', async () => {
    const series = await tp.request<{ items: unknown[] }>(
      'GET',
      `/v1/analytics/series?${period}&journeyId=${winBackId}`,
    );
    expect(series.body.items).toEqual([
      expect.objectContaining({
        period: '2026-06-01T00:00:00.000Z',
        channel: 'push',
        scheduled: 1,
        delivered: 1,
      }),
    ]);
    const failures = await tp.request<{ items: unknown[] }>('GET', `/v1/analytics/failures?${period}`);
    expect(failures.body.items).toEqual([
      { channel: 'sms', reason: '30003', count: 1, provider: null, message: null },
    ]);
    const bad = await tp.request<{ errors: { path: string }[] }>('GET', '/v1/analytics/series?interval=year');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['interval']);
  });

  it('should sum up every journey in the overview, with the delivery rate, unknown sends and queue depths', async () => {
    const { body } = await tp.request<Record<string, unknown>>(
      'GET',
      `/v1/analytics/overview?${period}`,
      undefined,
      {
        key: analyst,
      },
    );
    expect(body).toMatchObject({
      touchpoints: { scheduled: 11, sent: 5, delivered: 5, failed: 1, unknown: 1 },
      deliveryRate: 1,
      unknown: 1,
      byChannel: { sms: { scheduled: 8 }, email: { scheduled: 2 }, push: { scheduled: 1 } },
      failures: [expect.objectContaining({ reason: '30003', count: 1 })],
    });
    expect((body.queues as { queue: string }[]).map((q) => q.queue)).toEqual(
      expect.arrayContaining(['events', 'steps', 'send-sms', 'send-email', 'send-push']),
    );
  });

  it('should list the survey answers newest first, by category and words, masked for the analyst', async () => {
    const list = (query: string, key?: string) =>
      tp.request<{
        items: { score: number; comment: string; customerId: string }[];
        nextCursor: string | null;
      }>(
        'GET',
        `/v1/analytics/nps/answers?journeyId=${cartId}&${query}`,
        undefined,
        key ? { key } : undefined,
      );
    const all = await list('', analyst);
    expect(all.body.items.map((a) => [a.customerId, a.score])).toEqual([
      ['c2', 3],
      ['c3', 9],
      ['c1', 10],
    ]);
    expect(all.body.items[0].comment).toBe('reach me at c•••@example.com');
    expect((await list('')).body.items[0].comment).toBe('reach me at c9@example.com');
    expect((await list('category=detractor')).body.items.map((a) => a.customerId)).toEqual(['c2']);
    expect((await list('search=REACH')).body.items).toHaveLength(3);
    expect((await list('search=100%25')).body.items).toHaveLength(0);
    const first = await list('limit=2');
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((a) => a.customerId)).toEqual(['c2', 'c3', 'c1']);
    expect(second.body.nextCursor).toBeNull();
    expect((await list('cursor=nonsense')).status).toBe(400);
  });

  it('should mark the weakest stage and channel, with the log filters that show its rows', async () => {
    const { body } = await tp.request<{
      weakest: {
        engagement: { stage: string; channel: string; rate: number; log: { path: string } };
        nps: unknown;
      };
    }>('GET', `/v1/analytics/stages?${period}&minVolume=1&minResponses=1`);
    expect(body.weakest.engagement).toMatchObject({ stage: 'retention', channel: 'push', rate: 0 });
    expect(body.weakest.nps).toMatchObject({ stage: 'decision', channel: 'sms', score: 33.3, responses: 3 });
    const rows = await tp.request<{ items: { stepId: string }[] }>('GET', body.weakest.engagement.log.path);
    expect(rows.body.items.map((t) => t.stepId)).toEqual(['push']);
    const few = await tp.request<{ weakest: unknown }>('GET', `/v1/analytics/stages?${period}`);
    expect(few.body.weakest).toEqual({ engagement: null, nps: null });
  });

  it('should show each channel’s consent beside the customer’s journey map', async () => {
    const { body } = await tp.request<{ consent: unknown }>('GET', '/v1/customers/c1/journey-map');
    // WhatsApp was never given nor refused.
    expect(body.consent).toEqual({ sms: true, email: true, push: true, whatsapp: null });
  });
});
