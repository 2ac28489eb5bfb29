import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface BroadcastView {
  id: string;
  status: string;
  progress: { matched: number; enrolled: number; alreadyEnrolled: number };
}
interface EnrollmentsResult {
  counts: { enrolled: number; alreadyEnrolled: number; notFound: number; notEligible: number };
}

const CUSTOMERS = 2_500;

/** Entry without a trigger on the embedded default: PGlite's one connection, the worker in the API process. */
describe('entry without a trigger event on embedded PGlite', () => {
  let tp: TouchpointHarness;
  let journeyId: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ embedded: true });
    // Every third customer is on the gold tier; ids are zero-padded so id order is number order.
    await sql`
      insert into customers (id, attributes, consent, created_at, updated_at)
      select 'emb-' || lpad(g::text, 5, '0'), jsonb_build_object('tier', case when g % 3 = 0 then 'gold' else 'basic' end),
             '{"sms": true}'::jsonb, now(), now()
      from generate_series(1, ${CUSTOMERS}) g`.execute(tp.db);
    const res = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Embedded entries',
      stage: 'retention',
      trigger: { event: 'never_sent' },
      steps: [
        { id: 'later', type: 'wait', duration: 'P1D' },
        { id: 'hello', type: 'send', channel: 'sms', template: { body: 'Hello' } },
      ],
    });
    expect(res.status).toBe(201);
    journeyId = res.body.id;
  }, 60_000);
  afterAll(async () => {
    await tp?.close();
  });

  it('should enroll by id once per Idempotency-Key, then broadcast to the rest of the tier once each', async () => {
    const byId = ['emb-00003', 'emb-00006', 'emb-00007'];
    const key = { 'Idempotency-Key': 'embedded-1' };
    const first = await tp.request<EnrollmentsResult>(
      'POST',
      `/v1/journeys/${journeyId}/enrollments`,
      { customerIds: byId },
      { headers: key },
    );
    const again = await tp.request<EnrollmentsResult>(
      'POST',
      `/v1/journeys/${journeyId}/enrollments`,
      { customerIds: byId },
      { headers: key },
    );
    expect(first.status).toBe(200);
    expect(first.body.counts).toEqual({ enrolled: 3, alreadyEnrolled: 0, notFound: 0, notEligible: 0 });
    expect(again.body).toEqual(first.body);

    const started = await tp.request<BroadcastView>('POST', `/v1/journeys/${journeyId}/broadcasts`, {
      condition: { path: 'customer.attributes.tier', op: 'eq', value: 'gold' },
    });
    expect(started.status).toBe(202);
    const gold = Math.floor(CUSTOMERS / 3);
    const done = await waitFor(
      'the broadcast to complete',
      async () => {
        const b = await tp.request<BroadcastView>(
          'GET',
          `/v1/journeys/${journeyId}/broadcasts/${started.body.id}`,
        );
        return b.body.status === 'completed' && b.body;
      },
      { timeoutMs: 60_000 },
    );
    // Two of the three enrolled by id are gold: already running, counted, not enrolled again.
    expect(done.progress).toEqual(
      expect.objectContaining({ matched: gold, enrolled: gold - 2, alreadyEnrolled: 2 }),
    );
    const rows = await tp.db
      .selectFrom('enrollments')
      .select(['customer_id'])
      .where('journey_id', '=', journeyId)
      .execute();
    const ids = rows.map((r) => r.customer_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(gold + 1);
    expect(ids.filter((id) => Number(id.slice(4)) % 3 !== 0)).toEqual(['emb-00007']);
  }, 90_000);
});
