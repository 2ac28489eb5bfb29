import { frequencyCapsSchema } from '@touchpoint/journeys';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeySchema } from '../apps/api/src/api-keys/api-keys.controller';
import { customerBodySchema } from '../apps/api/src/customers/customer.schema';
import { eventBatchSchema, eventSchema } from '../apps/api/src/events/event.schema';
import { simulationBodySchema } from '../apps/api/src/journeys/journey-simulation.service';
import { templatePreviewBodySchema } from '../apps/api/src/templates/template-preview.service';
import { testSendBodySchema } from '../apps/api/src/templates/test-send.service';
import { expectNoServerError, FUZZ_TIMEOUT, fuzzOptions, rowCounts } from './support/fuzz';
import { hostileString, mutated, type Json } from './support/hostile-json';
import { TouchpointHarness } from './support/touchpoint-harness';
import { arbitraryOf } from './support/zod-arbitrary';

const WRITTEN = [
  'customers',
  'events',
  'api_keys',
  'settings',
  'journeys',
  'enrollments',
  'touchpoints',
] as const;

/** A lone surrogate has no URL encoding: then the UTF-8 bytes one would have, as a careless client sends them. */
function urlSegment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return '%ED%A0%80';
  }
}

/** Bodies from the schema, and the same mutated: what a client means to send, and what it sends by mistake. */
const bodiesOf = (schema: z.ZodType, example: Json) =>
  fc.oneof(
    arbitraryOf(schema) as fc.Arbitrary<Json>,
    (arbitraryOf(schema) as fc.Arbitrary<Json>).chain(mutated),
    mutated(example),
  );

describe('every JSON body under hostile input', () => {
  let tp: TouchpointHarness;
  let journeyId: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', {
      name: 'Cart SMS',
      stage: 'decision',
      trigger: { event: 'cart_abandoned' },
      steps: [
        { id: 'wait', type: 'wait', duration: 'PT1H' },
        {
          id: 'sms',
          type: 'send',
          channel: 'sms',
          template: { body: 'Hi {{ customer.attributes.firstName }}' },
        },
      ],
    });
    journeyId = created.body.id;
  });
  afterAll(() => tp?.close());

  /** No 5xx, a problem naming a field of the body on a 4xx, and no row written on a 4xx. */
  async function expectSafe(method: string, path: string, body: Json) {
    const before = await rowCounts(tp, [...WRITTEN]);
    const res = await tp.request(method, path, body);
    expectNoServerError(res, body, `${method} ${path}`);
    if (res.status >= 400) expect(await rowCounts(tp, [...WRITTEN]), `${method} ${path}`).toEqual(before);
    return res;
  }

  it(
    'should never answer 5xx to an event or a batch, and store none of a refused batch',
    async () => {
      const event = {
        id: 'e-1',
        customerId: 'c-1',
        name: 'cart_abandoned',
        properties: { cartValue: 129.5 },
      };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            bodiesOf(eventSchema, event),
            bodiesOf(eventBatchSchema, { events: [event, { ...event, id: 'e-2' }] }),
          ),
          async (body) => {
            await expectSafe('POST', '/v1/events', body);
          },
        ),
        fuzzOptions(80),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should never answer 5xx to a customer, whatever its id',
    async () => {
      const customer = {
        email: 'a@example.com',
        phone: '+989121234567',
        locale: 'fa-IR',
        timezone: 'Asia/Tehran',
        attributes: { tier: 'gold' },
        consent: { sms: true },
        pushSubscriptions: [{ endpoint: 'https://push.example/1', keys: { p256dh: 'k', auth: 'a' } }],
      };
      await fc.assert(
        fc.asyncProperty(
          bodiesOf(customerBodySchema, customer),
          fc.oneof(
            fc.constant('c-1'),
            hostileString.filter((s) => s.length > 0 && s.length < 300),
          ),
          async (body, id) => {
            await expectSafe('PUT', `/v1/customers/${urlSegment(id)}`, body);
          },
        ),
        fuzzOptions(80),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should never answer 5xx to frequency caps, API keys or a simulation',
    async () => {
      const simulation = {
        customer: { id: 'c-sim', phone: '+989121234567', consent: { sms: true } },
        events: [{ name: 'cart_abandoned', at: '2026-11-22T09:30:00Z' }],
      };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            bodiesOf(frequencyCapsSchema, { caps: [{ channel: 'sms', max: 1, per: 'day' }] }).map((b) => [
              'PUT',
              '/v1/settings/frequency-caps',
              b,
            ]),
            bodiesOf(createApiKeySchema, { name: 'loader', role: 'ingest' }).map((b) => [
              'POST',
              '/v1/api-keys',
              b,
            ]),
            bodiesOf(simulationBodySchema, simulation).map((b) => [
              'POST',
              `/v1/journeys/${journeyId}/simulate`,
              b,
            ]),
          ) as fc.Arbitrary<[string, string, Json]>,
          async ([method, path, body]) => {
            await expectSafe(method, path, body);
          },
        ),
        fuzzOptions(80),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should never answer 5xx to a template preview or a test send',
    async () => {
      const preview = {
        channel: 'sms',
        template: { body: 'Hi {{ customer.attributes.firstName }}', locales: { fa: { body: 'سلام' } } },
        customer: { locale: 'fa-IR', attributes: { firstName: 'Sara' } },
      };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            bodiesOf(templatePreviewBodySchema, preview).map((b) => ['/v1/templates/preview', b]),
            bodiesOf(testSendBodySchema, { ...preview, to: '+989121234567' }).map((b) => [
              '/v1/templates/test-send',
              b,
            ]),
          ) as fc.Arbitrary<[string, Json]>,
          async ([path, body]) => {
            await expectSafe('POST', path, body);
          },
        ),
        fuzzOptions(60),
      );
    },
    FUZZ_TIMEOUT,
  );

  describe('regressions the fuzzing found', () => {
    it('should refuse NUL and lone surrogates in text, naming the field, and store nothing', async () => {
      for (const [method, path, body, field] of [
        ['POST', '/v1/events', { customerId: 'c-1', name: 'a\u0000b' }, 'name'],
        ['POST', '/v1/events', { id: '\ud800', customerId: 'c-1', name: 'x' }, 'id'],
        [
          'POST',
          '/v1/events',
          { customerId: 'c-1', name: 'x', properties: { a: ['\udfff'] } },
          'properties.a.0',
        ],
        ['PUT', '/v1/customers/c-1', { attributes: { note: 'x\u0000' } }, 'attributes.note'],
        ['POST', '/v1/api-keys', { name: 'a\u0000', role: 'ingest' }, 'name'],
      ] as const) {
        const res = await expectSafe(method, path, body as Json);
        expect(res.status, path).toBe(400);
        expect(
          (res.body as { errors: { path: string }[] }).errors.map((e) => e.path),
          path,
        ).toContain(field);
      }
    });

    it('should refuse a customer id that is not text, or not URL-encoded right', async () => {
      for (const id of ['%ED%A0%80', '%00', '%E0%A4%A', 'a%2Fb']) {
        const res = await expectSafe('PUT', `/v1/customers/${id}`, {});
        expect(res.status, id).toBe(400);
      }
    });

    it('should refuse a body nested deeper than the API reads, naming where', async () => {
      let properties: Json = 1;
      for (let i = 0; i < 3_000; i += 1) properties = { a: properties };
      const res = await expectSafe('POST', '/v1/events', { customerId: 'c-1', name: 'x', properties });
      expect(res.status).toBe(400);
    });

    it('should refuse JSON that is not an object, naming the body', async () => {
      for (const raw of ['5e-324', 'null', '"x"', '{"customerId": ']) {
        const res = await tp.request('POST', '/v1/events', undefined, { raw });
        expectNoServerError(res, {}, raw);
        expect(res.status, raw).toBe(400);
      }
    });
  });
});
