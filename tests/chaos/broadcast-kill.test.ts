import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { ChaosStack } from './chaos-stack';

/** Its own Redis logical database: the other chaos suites flush theirs. */
const REDIS_DB = 14;
const MATCHING = 30_000;

interface BroadcastView {
  status: string;
  progress: { matched: number; enrolled: number };
}

describe('a broadcast whose worker is killed mid-chunk', () => {
  let stack: ChaosStack;
  let journeyId: string;

  beforeAll(async () => {
    stack = await ChaosStack.start({ redisDb: REDIS_DB });
    // Every other customer matches; ids are hashes, so matching and not interleave.
    await sql`
      insert into customers (id, attributes, created_at, updated_at)
      select 'kill-' || md5(g::text), jsonb_build_object('segment', case when g % 2 = 0 then 'a' else 'b' end),
             now(), now()
      from generate_series(1, ${MATCHING * 2}) g`.execute(stack.tp.db);
    const journey = await stack.tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Broadcast under SIGKILL',
      stage: 'retention',
      trigger: { event: 'never_sent' },
      steps: [
        { id: 'later', type: 'wait', duration: 'P1D' },
        { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hello' } },
      ],
    });
    expect(journey.status).toBe(201);
    journeyId = journey.body.id;
  });
  afterAll(() => stack?.close());

  it('should resume in another worker from the last committed chunk and enroll each customer once', async () => {
    const started = await stack.tp.request<{ id: string }>('POST', `/v1/journeys/${journeyId}/broadcasts`, {
      condition: { path: 'customer.attributes.segment', op: 'eq', value: 'a' },
    });
    expect(started.status).toBe(202);
    const read = async () =>
      (
        await stack.tp.request<BroadcastView>(
          'GET',
          `/v1/journeys/${journeyId}/broadcasts/${started.body.id}`,
        )
      ).body;

    // Killed twice, each time with a chunk most likely open (a worker spends nearly all its time in one).
    for (const name of ['worker-1', 'worker-2']) {
      const worker = await stack.startWorker(name);
      const before = (await read()).progress.enrolled;
      await waitFor('the worker to commit a chunk', async () => (await read()).progress.enrolled > before, {
        timeoutMs: 60_000,
        everyMs: 20,
      });
      worker.child.kill('SIGKILL');
      expect(await worker.exited).toMatchObject({ signal: 'SIGKILL' });
    }
    const stopped = await read();
    expect(stopped.status).toBe('running');
    expect(stopped.progress.enrolled).toBeLessThan(MATCHING);

    await stack.startWorker('worker-3');
    const done = await waitFor(
      'the broadcast to complete',
      async () => {
        const b = await read();
        return b.status === 'completed' && b;
      },
      { timeoutMs: 150_000 },
    );

    expect(done.progress).toMatchObject({ matched: MATCHING, enrolled: MATCHING });
    const { rows } = await sql<{ total: string; customers: string; wrong: string }>`
      select count(*) as total, count(distinct e.customer_id) as customers,
             count(*) filter (where c.attributes->>'segment' <> 'a') as wrong
      from enrollments e join customers c on c.id = e.customer_id
      where e.broadcast_id = ${started.body.id}`.execute(stack.tp.db);
    expect(rows[0]).toEqual({ total: String(MATCHING), customers: String(MATCHING), wrong: '0' });
  }, 240_000);
});
