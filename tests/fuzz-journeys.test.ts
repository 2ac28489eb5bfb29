import { journeyDefinitionSchema, stepSchema } from '@touchpoint/journeys';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoServerError, FUZZ_TIMEOUT, fuzzOptions, rowCounts } from './support/fuzz';
import { mutated, type Json } from './support/hostile-json';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';
import { arbitraryOf } from './support/zod-arbitrary';

const JOURNEY_TABLES = ['journeys', 'journey_versions', 'journey_changes'] as const;

const base = {
  name: 'Cart SMS',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: 'P3D' },
    { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi {{ customer.attributes.firstName }}' } },
  ],
};

type StepJson = Record<string, Json>;

/** Points every reference of step `i` forward (the first at the next step), so the graph is a reachable DAG. */
function linkForward(step: StepJson, i: number, last: number, pick: () => number): StepJson {
  const ahead = () => `s${Math.min(last, i + 1 + (pick() % Math.max(1, last - i)))}`;
  const first = `s${i + 1}`;
  const linked: StepJson = { ...step, id: `s${i}` };
  switch (String(step.type)) {
    case 'wait':
    case 'send':
      delete linked.next;
      break;
    case 'wait_for_event':
      Object.assign(linked, { onEvent: first, onTimeout: ahead() });
      break;
    case 'branch':
      Object.assign(linked, { then: first, else: ahead() });
      break;
    case 'split':
      linked.variants = (step.variants as StepJson[]).map((variant, v) => ({
        ...variant,
        next: v === 0 ? first : ahead(),
      }));
      break;
    default:
      // exit, or a type the schema does not know: nothing to link.
      break;
  }
  return linked;
}

/** Journeys generated from the schema, their step graph repaired so that a fair share of them is valid. */
const linkedJourney = fc
  .tuple(
    arbitraryOf(journeyDefinitionSchema) as fc.Arbitrary<Record<string, Json>>,
    fc.array(arbitraryOf(stepSchema) as fc.Arbitrary<StepJson>, { minLength: 1, maxLength: 6 }),
    fc.infiniteStream(fc.nat()),
  )
  .map(([journey, steps, picks]) => {
    const iterator = picks[Symbol.iterator]();
    const pick = () => iterator.next().value as number;
    const last = steps.length;
    return {
      ...journey,
      steps: [...steps.map((step, i) => linkForward(step, i, last, pick)), { id: `s${last}`, type: 'exit' }],
    } as Record<string, Json>;
  });

/** The journey above with a back edge: a loop, sometimes paced by a wait, sometimes not. */
const withBackEdge = linkedJourney.chain((journey) => {
  const steps = journey.steps as StepJson[];
  return fc.tuple(fc.nat({ max: steps.length - 1 }), fc.nat({ max: steps.length - 1 })).map(([from, to]) => ({
    ...journey,
    steps: steps.map((step, i) => (i === from && step.type !== 'exit' ? { ...step, next: `s${to}` } : step)),
  }));
});

describe('the journey DSL under hostile input', () => {
  let tp: TouchpointHarness;
  let existing: string;
  let run = 0;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: true });
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', base);
    existing = created.body.id;
  });
  afterAll(() => tp?.close());

  /** Every write endpoint that takes a journey, with a body; none may answer 5xx, or write on a 4xx. */
  async function sendEverywhere(body: Json): Promise<number[]> {
    const statuses: number[] = [];
    for (const [method, path] of [
      ['POST', '/v1/journeys/validate'],
      ['POST', '/v1/journeys'],
      ['PUT', `/v1/journeys/${existing}`],
    ] as const) {
      const before = await rowCounts(tp, [...JOURNEY_TABLES]);
      const res = await tp.request(method, path, body);
      expectNoServerError(res, body, `${method} ${path}`);
      if (res.status >= 400) {
        expect(await rowCounts(tp, [...JOURNEY_TABLES]), `${method} ${path}`).toEqual(before);
      }
      statuses.push(res.status);
    }
    return statuses;
  }

  it(
    'should never answer 5xx to a mutated journey, and write nothing when it refuses one',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(mutated(base as unknown as Json), linkedJourney.chain(mutated)),
          async (body) => {
            run += 1;
            await sendEverywhere(body);
          },
        ),
        fuzzOptions(40),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should never answer 5xx to step graphs with loops, dangling references and odd shapes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(withBackEdge, arbitraryOf(journeyDefinitionSchema) as fc.Arbitrary<Json>),
          async (body) => {
            await sendEverywhere(body);
          },
        ),
        fuzzOptions(40),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should create every journey that validate accepts, and run it in the worker',
    async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(linkedJourney, async (generated) => {
          run += 1;
          const trigger = `fuzz-trigger-${run}`;
          const body = { ...generated, name: `fuzz ${run}`, trigger: { event: trigger } };
          const validated = await tp.request('POST', '/v1/journeys/validate', body);
          expectNoServerError(validated, body, 'validate');
          const created = await tp.request<{ id: string }>('POST', '/v1/journeys', body);
          expectNoServerError(created, body, 'create');
          expect(created.status === 201, `validate said ${validated.status}, create ${created.status}`).toBe(
            validated.status === 200,
          );
          if (created.status !== 201) {
            expect(created.body).toEqual(validated.body);
            return;
          }
          accepted += 1;
          const simulated = await tp.request('POST', `/v1/journeys/${created.body.id}/simulate`, {
            customer: {
              id: `c-sim-${run}`,
              phone: '+989121234567',
              email: 'a@example.com',
              consent: { sms: true },
            },
            events: [{ name: trigger }],
          });
          expect(simulated.status, JSON.stringify(simulated.body)).toBe(200);
          const event = await tp.request('POST', '/v1/events', {
            id: `e-${run}`,
            customerId: `c-${run}`,
            name: trigger,
          });
          expect(event.status).toBe(202);
          const enrolled = await waitFor(`the worker to enroll c-${run}`, async () =>
            tp.db
              .selectFrom('enrollments')
              .select('id')
              .where('journey_id', '=', created.body.id)
              .executeTakeFirst(),
          );
          expect(enrolled).toBeDefined();
          // Archived at once: the rest of the run does not care what this journey goes on to do.
          expect((await tp.request('DELETE', `/v1/journeys/${created.body.id}`)).status).toBe(200);
        }),
        // The known-good journey runs first, so the property is never empty whatever the seed draws.
        { ...fuzzOptions(20), examples: [[base as unknown as Record<string, Json>]] },
      );
      // A generator that never yields a valid journey would make this property empty.
      expect(accepted).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT,
  );

  describe('regressions the fuzzing found', () => {
    it('should answer 400 naming steps to an empty or mistyped step list', async () => {
      for (const steps of [[], 'x', {}, null]) {
        const body = { ...base, name: 'regression', steps } as unknown as Json;
        const statuses = await sendEverywhere(body);
        expect(statuses).toEqual([400, 400, 400]);
        const res = await tp.request<{ errors: { path: string }[] }>('POST', '/v1/journeys/validate', body);
        expect(res.body.errors.map((e) => e.path)).toContain('steps');
      }
    });

    it('should answer 400 to a journey that is an array (seed 187150838)', async () => {
      for (const body of [[{ a: ['ref'] }], [1]] as Json[]) {
        expect(await sendEverywhere(body)).toEqual([400, 400, 400]);
      }
    });

    it('should answer 400 to a condition nested thousands deep', async () => {
      let where: Json = { path: 'event.properties.a', op: 'exists' };
      for (let i = 0; i < 3_000; i += 1) where = { not: where };
      const statuses = await sendEverywhere({ ...base, trigger: { event: 'x', where } } as unknown as Json);
      expect(statuses).toEqual([400, 400, 400]);
    });

    it('should refuse NUL and lone surrogates in journey text, naming the field', async () => {
      const body = {
        ...base,
        name: 'nul\u0000',
        steps: [{ ...base.steps[1], template: { body: 'x\ud800' } }],
      };
      const res = await tp.request<{ errors: { path: string }[] }>('POST', '/v1/journeys/validate', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.path).sort()).toEqual(['name', 'steps.0.template.body']);
    });

    it('should simulate a push step for a customer written inline', async () => {
      const created = await tp.request<{ id: string }>('POST', '/v1/journeys', {
        ...base,
        name: 'push regression',
        steps: [{ id: 'push', type: 'send', channel: 'push', template: { title: 'Hi', body: 'Your cart' } }],
      });
      const res = await tp.request('POST', `/v1/journeys/${created.body.id}/simulate`, {
        customer: { consent: { push: true } },
        events: [{ name: 'cart_abandoned' }],
      });
      expect(res.status).toBe(200);
    });
  });
});
