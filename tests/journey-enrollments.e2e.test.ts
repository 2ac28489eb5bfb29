import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseVariant, type SplitStep } from '@touchpoint/journeys';
import { ShiftedClock } from './support/shifted-clock';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface EnrollmentsResult {
  journeyId: string;
  version: number;
  counts: { enrolled: number; alreadyEnrolled: number; notFound: number; notEligible: number };
  results: { customerId: string; outcome: string; enrollmentId?: string; reason?: string }[];
}
interface Problem {
  status: number;
  type: string;
  errors?: { path: string; message: string }[];
}

const sms = (id: string, body: string, extra: object = {}) => ({
  id,
  type: 'send',
  channel: 'sms',
  template: { body },
  ...extra,
});

/** A journey whose first step waits a day: its enrollments stay active through the test. */
const waitingJourney = (name: string) => ({
  name,
  stage: 'retention',
  trigger: { event: `${name}-trigger` },
  steps: [{ id: 'later', type: 'wait', duration: 'P1D' }, sms('hello', 'Hello')],
});

describe('POST /v1/journeys/{id}/enrollments', () => {
  let tp: TouchpointHarness;
  let marketer: string;
  let seq = 0;

  beforeAll(async () => {
    tp = await TouchpointHarness.start();
    marketer = await tp.keyFor('marketer');
  });
  afterAll(async () => {
    await tp?.close();
  });

  const customer = async (id: string) => {
    const phone = `+98912${String(3_000_000 + seq++).padStart(7, '0')}`;
    const res = await tp.request('PUT', `/v1/customers/${id}`, {
      phone,
      locale: 'en',
      attributes: { firstName: 'Sara' },
      consent: { sms: true },
    });
    expect(res.status).toBe(200);
    return phone;
  };
  const create = async (definition: object) => {
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', definition, { key: marketer });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const enroll = (journeyId: string, customerIds: unknown, headers: Record<string, string> = {}) =>
    tp.request<EnrollmentsResult>(
      'POST',
      `/v1/journeys/${journeyId}/enrollments`,
      { customerIds },
      { key: marketer, headers },
    );
  const enrollmentsOf = (journeyId: string) =>
    tp.db
      .selectFrom('enrollments')
      .select(['customer_id', 'status', 'variant', 'trigger_event_id', 'journey_version'])
      .where('journey_id', '=', journeyId)
      .orderBy('customer_id')
      .execute();

  it('should enroll customers as a trigger would and say what happened to each', async () => {
    const journeyId = await create({
      name: 'Enrolled by id',
      stage: 'retention',
      trigger: { event: 'never_sent' },
      steps: [
        sms('hi', 'Hi {{ customer.attributes.firstName }}', { next: 'bye' }),
        { id: 'bye', type: 'exit' },
      ],
    });
    const phone = await customer('en-a');
    await customer('en-b');

    const res = await enroll(journeyId, ['en-a', 'en-b', 'en-nobody', 'en-a']);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      journeyId,
      version: 1,
      counts: { enrolled: 2, alreadyEnrolled: 0, notFound: 1, notEligible: 0 },
    });
    expect(res.body.results.map((r) => [r.customerId, r.outcome])).toEqual([
      ['en-a', 'enrolled'],
      ['en-b', 'enrolled'],
      ['en-nobody', 'not_found'],
    ]);
    const sent = await waitFor('the first step to send', async () => {
      const items = (
        await tp.request<{ items: { body: string }[] }>(
          'GET',
          `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(phone)}`,
        )
      ).body.items;
      return items.length > 0 && items;
    });
    expect(sent.map((m) => m.body)).toEqual(['Hi Sara']);
    const rows = await waitFor('both enrollments to end', async () => {
      const found = await enrollmentsOf(journeyId);
      return found.every((r) => r.status === 'exited') && found;
    });
    expect(rows).toMatchObject([
      { customer_id: 'en-a', trigger_event_id: null, journey_version: 1 },
      { customer_id: 'en-b', trigger_event_id: null, journey_version: 1 },
    ]);

    // reentry `never`: the ended enrollment keeps them out.
    const again = await enroll(journeyId, ['en-a']);
    expect(again.body.results).toEqual([
      { customerId: 'en-a', outcome: 'not_eligible', reason: 'entered_before' },
    ]);
  });

  it('should enroll once for one Idempotency-Key, however often or concurrently it is sent', async () => {
    const journeyId = await create(waitingJourney('Idempotent enrollments'));
    const ids = ['idem-1', 'idem-2', 'idem-3'];
    for (const id of ids) await customer(id);
    const key = { 'Idempotency-Key': 'campaign-42/attempt' };

    const [first, concurrent] = await Promise.all([enroll(journeyId, ids, key), enroll(journeyId, ids, key)]);
    const later = await enroll(journeyId, [...ids].reverse(), key);

    expect([first.status, concurrent.status, later.status]).toEqual([200, 200, 200]);
    // The second answers as the first did: the same body, and no second enrollment behind it.
    expect(first.body.counts.enrolled).toBe(3);
    expect(concurrent.body).toEqual(first.body);
    expect(later.body).toEqual(first.body);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(await enrollmentsOf(journeyId)).toHaveLength(3);

    // Without the key, the running enrollments are what stops a second one.
    const unkeyed = await enroll(journeyId, ids);
    expect(unkeyed.body.counts).toEqual({ enrolled: 0, alreadyEnrolled: 3, notFound: 0, notEligible: 0 });

    const other = await enroll(journeyId, ['idem-1'], key);
    expect(other.status).toBe(409);
    expect((other.body as unknown as Problem).type).toMatch(/idempotency-key-reused$/);
    expect(await enrollmentsOf(journeyId)).toHaveLength(3);
  });

  it('should split and hold out as the trigger would', async () => {
    const split: SplitStep = {
      id: 'ab',
      type: 'split',
      holdout: 30,
      variants: [
        { name: 'A', weight: 50, next: 'wait' },
        { name: 'B', weight: 50, next: 'wait' },
      ],
    };
    const journeyId = await create({
      name: 'Split by id',
      stage: 'consideration',
      trigger: { event: 'split_by_id' },
      steps: [split, { id: 'wait', type: 'wait', duration: 'P1D' }, sms('end', 'End')],
    });
    const ids = Array.from({ length: 20 }, (_, i) => `split-id-${String(i).padStart(2, '0')}`);
    for (const id of ids) await customer(id);

    expect((await enroll(journeyId, ids)).body.counts.enrolled).toBe(ids.length);

    for (const row of await enrollmentsOf(journeyId)) {
      const choice = chooseVariant(split, journeyId, row.customer_id);
      expect(row).toMatchObject(
        choice.holdout
          ? { status: 'holdout', variant: null }
          : { status: 'active', variant: choice.variant.name },
      );
    }
  });

  it('should let reentry `always` replace the running enrollment, its unsent message cancelled', async () => {
    const journeyId = await create({ ...waitingJourney('Always again by id'), reentry: 'always' });
    await customer('again-1');
    const first = await enroll(journeyId, ['again-1']);
    const second = await enroll(journeyId, ['again-1']);

    expect(second.body.results[0]).toMatchObject({ outcome: 'enrolled' });
    const rows = await tp.db
      .selectFrom('enrollments')
      .select(['id', 'status', 'end_reason'])
      .where('journey_id', '=', journeyId)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.body.results[0].enrollmentId!)).toMatchObject({
      status: 'exited',
      end_reason: 'reentered',
    });
    expect(byId.get(second.body.results[0].enrollmentId!)).toMatchObject({ status: 'active' });
    const touchpoints = await tp.db
      .selectFrom('touchpoints')
      .select(['enrollment_id', 'status'])
      .where('journey_id', '=', journeyId)
      .execute();
    expect(touchpoints).toEqual(
      expect.arrayContaining([
        { enrollment_id: first.body.results[0].enrollmentId, status: 'cancelled' },
        { enrollment_id: second.body.results[0].enrollmentId, status: 'scheduled' },
      ]),
    );
  });

  it('should refuse bad input naming the field, and write nothing', async () => {
    const journeyId = await create(waitingJourney('Refuses bad input'));
    await customer('bad-1');
    const cases: [unknown, Record<string, string>, string][] = [
      [undefined, {}, 'customerIds'],
      [[], {}, 'customerIds'],
      [Array.from({ length: 1_001 }, (_, i) => `c${i}`), {}, 'customerIds'],
      [['bad 1'], {}, 'customerIds.0'],
      [[42], {}, 'customerIds.0'],
      [['bad-1'], { 'Idempotency-Key': 'has spaces in it' }, 'Idempotency-Key'],
    ];
    for (const [customerIds, headers, path] of cases) {
      const res = await enroll(journeyId, customerIds, headers);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((res.body as unknown as Problem).errors?.map((e) => e.path)).toContain(path);
    }
    expect(await enrollmentsOf(journeyId)).toEqual([]);
    expect(await tp.count('enrollment_requests')).toBe(1);

    const unknown = await enroll('6f1c7a52-5d0c-4a43-9d7e-000000000000', ['bad-1']);
    expect(unknown.status).toBe(404);
    expect((await enroll('not-a-uuid', ['bad-1'])).status).toBe(404);
    const analyst = await tp.keyFor('analyst');
    const forbidden = await tp.request(
      'POST',
      `/v1/journeys/${journeyId}/enrollments`,
      { customerIds: ['bad-1'] },
      { key: analyst },
    );
    expect(forbidden.status).toBe(403);

    expect(
      (await tp.request('POST', `/v1/journeys/${journeyId}/pause`, undefined, { key: marketer })).status,
    ).toBe(200);
    const paused = await enroll(journeyId, ['bad-1'], { 'Idempotency-Key': 'while-paused' });
    expect(paused.status).toBe(409);
    expect(await enrollmentsOf(journeyId)).toEqual([]);
    // The refused request kept no answer under its key: once resumed, the same key enrolls.
    expect(
      (await tp.request('POST', `/v1/journeys/${journeyId}/resume`, undefined, { key: marketer })).status,
    ).toBe(200);
    const resumed = await enroll(journeyId, ['bad-1'], { 'Idempotency-Key': 'while-paused' });
    expect(resumed.body.counts.enrolled).toBe(1);
  });
});

describe('Idempotency-Key lifetime', () => {
  const clock = new ShiftedClock();
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ clock });
  });
  afterAll(async () => {
    await tp?.close();
  });

  it('should answer a repeat for a day, then forget the key', async () => {
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', waitingJourney('Key lifetime'));
    expect(created.status).toBe(201);
    expect((await tp.request('PUT', '/v1/customers/life-1', { consent: { sms: true } })).status).toBe(200);
    const enroll = () =>
      tp.request<EnrollmentsResult>(
        'POST',
        `/v1/journeys/${created.body.id}/enrollments`,
        { customerIds: ['life-1'] },
        { headers: { 'Idempotency-Key': 'lifetime' } },
      );
    expect((await enroll()).body.counts.enrolled).toBe(1);

    clock.shiftTo(new Date(Date.now() + 23 * 3600_000));
    await tp.reconciler().tick();
    const within = await enroll();
    expect(within.headers.get('idempotent-replayed')).toBe('true');
    expect(within.body.counts.enrolled).toBe(1);

    clock.shiftTo(new Date(Date.now() + 25 * 3600_000));
    // A tick already running read the time before the shift: the second one reads it after.
    await tp.reconciler().tick();
    await tp.reconciler().tick();
    const after = await enroll();
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    // Decided anew: still running, or (its day's wait over) ended and not allowed back under reentry never.
    expect(['already_enrolled', 'not_eligible']).toContain(after.body.results[0].outcome);
    expect(await tp.count('enrollments')).toBe(1);
  });
});
