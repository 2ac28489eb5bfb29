import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastRunner } from '@touchpoint/worker';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface BroadcastView {
  id: string;
  status: string;
  cursor: string | null;
  endReason: string | null;
  progress: {
    scanned: number;
    matched: number;
    enrolled: number;
    alreadyEnrolled: number;
    notEligible: number;
  };
}
interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

const MATCHING = 100_000;
/** The matching customers the resumed broadcast takes: enough for many chunks. */
const RESUMED = 20_000;

/** Pro customers who agreed to email: the ones a broadcast below selects. */
const proWithEmail = {
  all: [
    { path: 'customer.attributes.plan', op: 'eq', value: 'pro' },
    { path: 'consent.email', op: 'eq', value: true },
  ],
};

/** The matching customers numbered up to `n`. */
const firstOf = (n: number) => ({
  all: [proWithEmail, { path: 'customer.attributes.n', op: 'lte', value: n }],
});

/** A journey whose first step waits a day: its enrollments stay active, nothing is sent during the test. */
const waitingJourney = (name: string) => ({
  name,
  stage: 'retention',
  trigger: { event: 'never_sent' },
  steps: [
    { id: 'later', type: 'wait', duration: 'P1D' },
    { id: 'hello', type: 'send', channel: 'sms', template: { body: 'Hello' } },
  ],
});

/**
 * `matching` customers who match, interleaved (ids are hashes) with as many who do not: on the free plan,
 * or pro without email consent. One statement: generate_series, not one request per customer.
 */
async function seedCustomers(tp: TouchpointHarness, matching: number): Promise<void> {
  const half = Math.floor(matching / 2);
  await sql`
    insert into customers (id, attributes, consent, created_at, updated_at)
    select 'cu-' || md5(g::text),
           jsonb_build_object('plan', case when g <= ${matching} or g % 2 = 0 then 'pro' else 'free' end, 'n', g),
           case when g <= ${matching} or g % 2 = 1 then '{"email": true}'::jsonb else '{"email": false}'::jsonb end,
           now(), now()
    from generate_series(1, ${matching + half * 2}) g`.execute(tp.db);
}

/** Each enrollment the broadcast made, checked against who matches: exactly once each, nobody else. */
async function enrollmentTally(tp: TouchpointHarness, broadcastId: string) {
  const row = await sql<{ total: string; customers: string; wrong: string }>`
    select count(*) as total, count(distinct e.customer_id) as customers,
           count(*) filter (where not (c.attributes->>'plan' = 'pro' and c.consent->'email' = 'true')) as wrong
    from enrollments e join customers c on c.id = e.customer_id
    where e.broadcast_id = ${broadcastId}`.execute(tp.db);
  const { total, customers, wrong } = row.rows[0];
  return { total: Number(total), customers: Number(customers), wrong: Number(wrong) };
}

describe('broadcasts', () => {
  let api: TouchpointHarness;
  let marketer: string;

  beforeAll(async () => {
    // The API alone: each test brings the workers it needs.
    api = await TouchpointHarness.start({ withWorker: false });
    marketer = await api.keyFor('marketer');
    await seedCustomers(api, MATCHING);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  /** A worker process of its own on the API's database. */
  const worker = () =>
    TouchpointHarness.start({ withWorker: true, env: { DATABASE_URL: api.config.DATABASE_URL! } });
  const create = async (name: string) => {
    const res = await api.request<{ id: string }>('POST', '/v1/journeys', waitingJourney(name), {
      key: marketer,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const start = async (journeyId: string, condition: object = proWithEmail) => {
    const res = await api.request<BroadcastView>(
      'POST',
      `/v1/journeys/${journeyId}/broadcasts`,
      { condition },
      { key: marketer },
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', cursor: null, progress: { enrolled: 0 } });
    return res.body.id;
  };
  const read = async (journeyId: string, broadcastId: string) => {
    const res = await api.request<BroadcastView & { condition: unknown }>(
      'GET',
      `/v1/journeys/${journeyId}/broadcasts/${broadcastId}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const until = (journeyId: string, broadcastId: string, what: string, done: (b: BroadcastView) => boolean) =>
    waitFor(
      what,
      async () => {
        const b = await read(journeyId, broadcastId);
        return done(b) && b;
      },
      { timeoutMs: 240_000, everyMs: 20 },
    );

  it(`should enroll each of ${MATCHING.toLocaleString('en')} matching customers exactly once, and no one else`, async () => {
    const journeyId = await create('Broadcast to pro');
    const w = await worker();
    try {
      const broadcastId = await start(journeyId);
      const done = await until(
        journeyId,
        broadcastId,
        'the broadcast to complete',
        (b) => b.status === 'completed',
      );

      expect(done).toMatchObject({
        endReason: 'completed',
        progress: { matched: MATCHING, enrolled: MATCHING, alreadyEnrolled: 0, notEligible: 0 },
      });
      expect(await enrollmentTally(api, broadcastId)).toEqual({
        total: MATCHING,
        customers: MATCHING,
        wrong: 0,
      });
      // The first steps were written as a trigger writes them: one waiting step per enrollment.
      const steps = await sql<{ n: string }>`
          select count(*) as n from scheduled_steps s join enrollments e on e.id = s.enrollment_id
          where e.broadcast_id = ${broadcastId} and s.step_id = 'hello' and s.status = 'waiting'`.execute(
        api.db,
      );
      expect(Number(steps.rows[0].n)).toBe(MATCHING);
    } finally {
      await w.close();
    }
  }, 300_000);

  it('should resume after its worker stops mid-broadcast and still enroll each customer once', async () => {
    const journeyId = await create('Broadcast resumed');
    const first = await worker();
    const broadcastId = await start(journeyId, firstOf(RESUMED));
    await until(journeyId, broadcastId, 'some progress', (b) => b.progress.enrolled > 0);
    await first.close();
    const stopped = await read(journeyId, broadcastId);
    expect(stopped.status).toBe('running');
    expect(stopped.progress.enrolled).toBeGreaterThan(0);
    expect(stopped.progress.enrolled).toBeLessThan(RESUMED);
    expect(await enrollmentTally(api, broadcastId)).toMatchObject({ total: stopped.progress.enrolled });

    const second = await worker();
    try {
      const done = await until(
        journeyId,
        broadcastId,
        'the broadcast to complete',
        (b) => b.status === 'completed',
      );
      expect(done.progress).toMatchObject({ matched: RESUMED, enrolled: RESUMED });
      expect(await enrollmentTally(api, broadcastId)).toEqual({
        total: RESUMED,
        customers: RESUMED,
        wrong: 0,
      });
    } finally {
      await second.close();
    }
  }, 300_000);

  it('should stop when cancelled: the chunk in hand commits, no other starts', async () => {
    const journeyId = await create('Broadcast cancelled');
    const w = await worker();
    try {
      const broadcastId = await start(journeyId);
      await until(journeyId, broadcastId, 'some progress', (b) => b.progress.enrolled > 0);

      const cancelled = await api.request<BroadcastView>(
        'POST',
        `/v1/journeys/${journeyId}/broadcasts/${broadcastId}/cancel`,
        undefined,
        { key: marketer },
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', endReason: 'cancelled' });
      const enrolled = cancelled.body.progress.enrolled;
      expect(enrolled).toBeLessThan(MATCHING);
      // A whole tick of the worker afterwards enrolls no one.
      await w.app.get(BroadcastRunner).tick();
      expect(await enrollmentTally(api, broadcastId)).toMatchObject({ total: enrolled, customers: enrolled });
      expect((await read(journeyId, broadcastId)).progress.enrolled).toBe(enrolled);

      const again = await api.request(
        'POST',
        `/v1/journeys/${journeyId}/broadcasts/${broadcastId}/cancel`,
        undefined,
        {
          key: marketer,
        },
      );
      expect(again.status).toBe(409);
    } finally {
      await w.close();
    }
  }, 120_000);

  it('should skip customers already running in the journey and count them', async () => {
    const journeyId = await create('Broadcast after enrollments');
    const [some] = await api.db
      .selectFrom('customers')
      .select('id')
      .where(
        sql<boolean>`attributes->>'plan' = 'pro' and consent->'email' = 'true' and (attributes->>'n')::int <= 2000`,
      )
      .orderBy('id')
      .limit(1)
      .execute();
    const byId = await api.request(
      'POST',
      `/v1/journeys/${journeyId}/enrollments`,
      { customerIds: [some.id] },
      { key: marketer },
    );
    expect(byId.status).toBe(200);
    const w = await worker();
    try {
      const broadcastId = await start(journeyId, firstOf(2_000));
      const done = await until(
        journeyId,
        broadcastId,
        'the broadcast to complete',
        (b) => b.status === 'completed',
      );
      expect(done.progress).toMatchObject({
        matched: 2_000,
        enrolled: 1_999,
        alreadyEnrolled: 1,
        notEligible: 0,
      });
      const running = await api.db
        .selectFrom('enrollments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('journey_id', '=', journeyId)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      expect(Number(running.n)).toBe(2_000);
    } finally {
      await w.close();
    }
  }, 120_000);

  it('should show analysts a condition with its email addresses masked', async () => {
    const journeyId = await create('Broadcast to one address');
    const broadcastId = await start(journeyId, {
      path: 'customer.email',
      op: 'eq',
      value: 'nobody.special@example.com',
    });
    const analyst = await api.keyFor('analyst');
    const seen = await api.request<BroadcastView & { condition: unknown }>(
      'GET',
      `/v1/journeys/${journeyId}/broadcasts/${broadcastId}`,
      undefined,
      { key: analyst },
    );
    expect(seen.status).toBe(200);
    expect(seen.body.condition).toEqual({ path: 'customer.email', op: 'eq', value: 'n•••@example.com' });
    expect((await read(journeyId, broadcastId)).condition).toMatchObject({
      value: 'nobody.special@example.com',
    });
  });

  it('should refuse bad input naming the field, and unknown journeys or broadcasts', async () => {
    const journeyId = await create('Broadcast bad input');
    const post = (body: unknown) =>
      api.request<Problem>('POST', `/v1/journeys/${journeyId}/broadcasts`, body, { key: marketer });
    const cases: [unknown, string][] = [
      [{}, 'condition'],
      [{ condition: { path: 'event.name', op: 'eq', value: 'x' } }, 'condition.path'],
      [
        { condition: { any: [proWithEmail, { path: 'event.properties.x', op: 'exists' }] } },
        'condition.any.1.path',
      ],
      [{ condition: { path: 'customer.attributes.plan', op: 'in', value: 'pro' } }, 'condition.value'],
      [{ condition: proWithEmail, extra: 1 }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.map((e) => e.path).join(',')).toContain(path);
    }
    const before = await api.count('broadcasts');
    expect((await post({ condition: { path: 'event.name', op: 'eq', value: 'x' } })).status).toBe(400);
    expect(await api.count('broadcasts')).toBe(before);

    const unknownJourney = '6f1c7a52-5d0c-4a43-9d7e-000000000000';
    const missing = await api.request(
      'POST',
      `/v1/journeys/${unknownJourney}/broadcasts`,
      { condition: proWithEmail },
      { key: marketer },
    );
    expect(missing.status).toBe(404);
    expect((await api.request('GET', `/v1/journeys/${journeyId}/broadcasts/${unknownJourney}`)).status).toBe(
      404,
    );
    expect((await api.request('GET', `/v1/journeys/${journeyId}/broadcasts/nope`)).status).toBe(404);
    const analyst = await api.keyFor('analyst');
    expect(
      (
        await api.request(
          'POST',
          `/v1/journeys/${journeyId}/broadcasts`,
          { condition: proWithEmail },
          { key: analyst },
        )
      ).status,
    ).toBe(403);
  });
});
