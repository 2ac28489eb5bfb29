import { SurveyLinks, UnsubscribeLinks } from '@touchpoint/core';
import fc from 'fast-check';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoServerError, FUZZ_TIMEOUT, fuzzOptions, rowCounts } from './support/fuzz';
import { hostileNumber, hostileString, type Json } from './support/hostile-json';
import { seedTouchpointLog } from './support/touchpoint-seed';
import { TouchpointHarness } from './support/touchpoint-harness';

const AUTH_TOKEN = 'fuzz-twilio-auth-token-0123456789';
const WRITTEN = ['customers', 'touchpoints', 'touchpoint_events', 'webhook_receipts'] as const;

/** A query value: what the API expects, or text, numbers and dates a careless client puts there. */
const queryValue = fc.oneof(
  fc.constantFrom(
    'sms',
    'survey',
    'delivered',
    'decision',
    'csv',
    'ndjson',
    'week',
    'true',
    '0',
    '-1',
    '501',
    '1e400',
    'NaN',
    '2026-11-22T09:30:00Z',
    '2026-11-22',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '00000000-0000-0000-0000-000000000000',
    Buffer.from(JSON.stringify(['2026-11-22T09:30:00.123456Z', 'x'])).toString('base64url'),
    Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000'])).toString(
      'base64url',
    ),
    Buffer.from(JSON.stringify({ __proto__: 1 })).toString('base64url'),
  ),
  hostileString.filter((s) => s.length < 2_000),
  hostileNumber.map(String),
);

const QUERY_KEYS = [
  'journeyId',
  'journeyVersion',
  'stepId',
  'customerId',
  'channel',
  'status',
  'stage',
  'from',
  'to',
  'limit',
  'cursor',
  'format',
  'bom',
  'version',
  'interval',
  'to',
  '__proto__',
  'constructor',
];

/** A query string with known and unknown keys, repeated keys (an array to Express) and odd values. */
const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), queryValue), {
    maxLength: 6,
  })
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) {
      try {
        params.append(key, value);
      } catch {
        /* a lone surrogate cannot be URL-encoded by a client either */
      }
    }
    return params.toString();
  });

/** A token with one hostile edit: a character flipped, cut short, lengthened, or its halves swapped. */
const tampered = (token: string) =>
  fc
    .oneof(
      fc
        .nat({ max: token.length - 1 })
        .map((i) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1)),
      fc.nat({ max: token.length - 1 }).map((i) => token.slice(0, i)),
      hostileString.filter((s) => s.length > 0).map((s) => encodeURIComponentSafe(token + s)),
      fc.constant(token.split('.').reverse().join('.')),
    )
    .filter((edited) => edited !== token);

function encodeURIComponentSafe(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

describe('query strings, signed links and provider webhooks under hostile input', () => {
  let tp: TouchpointHarness;
  let touchpointIds: string[];
  let journeyId: string;
  let webhookKey: KeyObject;

  beforeAll(async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    webhookKey = keys.privateKey;
    tp = await TouchpointHarness.start({
      withWorker: false,
      publicBaseUrl: true,
      env: {
        TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
        SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKey
          .export({ type: 'spki', format: 'der' })
          .toString('base64'),
      },
    });
    const seeded = await seedTouchpointLog(tp.db, { count: 60, journeys: 2, customers: 5, withTrails: true });
    touchpointIds = seeded.rows.map((r) => r.id);
    journeyId = seeded.journeyIds[0];
  });
  afterAll(() => tp?.close());

  it(
    'should never answer 5xx to the query string of any list, export or report',
    async () => {
      const paths = [
        '/v1/touchpoints',
        '/v1/touchpoints/export',
        '/v1/journeys',
        () => `/v1/journeys/${journeyId}/stats`,
        '/v1/analytics/stages',
        '/v1/analytics/nps',
        '/v1/sandbox/messages',
        '/v1/customers/c-1/touchpoints',
        '/v1/customers/c-1/journey-map',
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), queryString, async (path, query) => {
          const url = `${typeof path === 'function' ? path() : path}?${query}`;
          const res = await tp.request('GET', url);
          const request = Object.fromEntries(new URLSearchParams(query));
          expectNoServerError(res, request, `GET ${url}`);
        }),
        fuzzOptions(150),
      );
    },
    FUZZ_TIMEOUT,
  );

  it('should refuse a NUL in a text filter with a 400 naming it (a fuzz run once found a 500)', async () => {
    const cases = [
      { path: '/v1/sandbox/messages?to=%00', field: 'to' },
      { path: '/v1/sandbox/messages?channel=sms&to=a%00b', field: 'to' },
      { path: '/v1/touchpoints?customerId=c%00', field: 'customerId' },
      { path: `/v1/touchpoints?journeyId=${journeyId}&stepId=s%00`, field: 'stepId' },
    ];
    for (const { path, field } of cases) {
      const res = await tp.request<{ errors: { path: string }[] }>('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.errors.map((e) => e.path)).toEqual([field]);
    }
  });

  it(
    'should answer a tampered, truncated or replayed survey or unsubscribe link with 4xx, and change nothing',
    async () => {
      const surveys = tp.app.get(SurveyLinks);
      const unsubscribes = tp.app.get(UnsubscribeLinks);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...touchpointIds).chain((id) =>
            fc.oneof(
              tampered(surveys.token(id)).map((token) => ({
                method: 'POST',
                path: `/s/${token}`,
                valid: false,
              })),
              tampered(surveys.token(id)).map((token) => ({
                method: 'GET',
                path: `/s/${token}`,
                valid: false,
              })),
              tampered(new URL(unsubscribes.url(id)).searchParams.get('sig') as string).map((sig) => ({
                method: 'POST',
                path: `/unsubscribe/${id}?sig=${sig}`,
                valid: false,
              })),
              fc.constant({ method: 'POST', path: `/s/${surveys.token(id)}`, valid: true }),
            ),
          ),
          fc.oneof(
            fc.record({
              score: fc.oneof(fc.integer({ min: 0, max: 10 }), hostileNumber),
              comment: hostileString,
            }),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          async ({ method, path, valid }, answer) => {
            const before = await rowCounts(tp, [...WRITTEN]);
            const res = await tp.request(method, path, method === 'POST' ? answer : undefined, { key: null });
            expect(res.status, `${method} ${path}`).toBeLessThan(500);
            if (!valid) {
              expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(method === 'GET' ? 200 : 400);
              if (res.status >= 400) expect(await rowCounts(tp, [...WRITTEN])).toEqual(before);
            }
          },
        ),
        fuzzOptions(120),
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'should answer 403 to mis-signed webhooks and never 5xx to signed garbage',
    async () => {
      const statusUrl = `${tp.url}/webhooks/twilio/status`;
      const form = fc.dictionary(
        fc.oneof(
          fc.constantFrom('MessageSid', 'MessageStatus', 'ErrorCode', 'From', 'Body', '__proto__'),
          fc.string(),
        ),
        hostileString.filter((s) => s.length < 5_000),
        { maxKeys: 5 },
      );
      const sendgridBody = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(
          fc.record({
            event: fc.oneof(fc.constantFrom('delivered', 'bounce', 'open', 'click'), hostileString),
            sg_event_id: hostileString,
            timestamp: hostileNumber,
            touchpointId: fc.oneof(fc.constantFrom(...touchpointIds), hostileString),
          }),
          { maxLength: 5 },
        ),
      ) as fc.Arbitrary<Json>;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            form.chain((params) =>
              fc
                .constantFrom('good', 'bad', 'none')
                .map((signature) => ({ kind: 'twilio' as const, params, signature })),
            ),
            sendgridBody.chain((body) =>
              fc
                .constantFrom('good', 'bad', 'none')
                .map((signature) => ({ kind: 'sendgrid' as const, body, signature })),
            ),
          ),
          async (input) => {
            const before = await rowCounts(tp, [...WRITTEN]);
            let res: Response;
            if (input.kind === 'twilio') {
              const params = Object.fromEntries(
                Object.entries(input.params).filter(
                  ([k, v]) => k !== '__proto__' && safeForForm(k) && safeForForm(v),
                ),
              );
              const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
              if (input.signature !== 'none') {
                headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(
                  input.signature === 'good' ? AUTH_TOKEN : 'not-the-token',
                  statusUrl,
                  params,
                );
              }
              res = await fetch(statusUrl, {
                method: 'POST',
                headers,
                body: new URLSearchParams(params).toString(),
              });
            } else {
              const raw = JSON.stringify(input.body) ?? 'null';
              const timestamp = String(Math.floor(Date.now() / 1000));
              const key =
                input.signature === 'good'
                  ? webhookKey
                  : generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
              const headers: Record<string, string> = { 'content-type': 'application/json' };
              if (input.signature !== 'none') {
                headers['x-twilio-email-event-webhook-signature'] = sign(
                  'sha256',
                  Buffer.from(timestamp + raw),
                  key,
                ).toString('base64');
                headers['x-twilio-email-event-webhook-timestamp'] = timestamp;
              }
              res = await fetch(`${tp.url}/webhooks/sendgrid/events`, { method: 'POST', headers, body: raw });
            }
            const text = await res.text();
            expect(res.status, `${input.kind} ${input.signature}: ${text.slice(0, 300)}`).toBeLessThan(500);
            if (input.signature !== 'good') {
              expect(res.status, input.kind).toBe(403);
              expect(await rowCounts(tp, [...WRITTEN])).toEqual(before);
            }
          },
        ),
        fuzzOptions(100),
      );
    },
    FUZZ_TIMEOUT,
  );

  it('should answer 400 to a period whose both ends are not dates (the refinement ran on raw text)', async () => {
    for (const path of ['/v1/analytics/nps', '/v1/analytics/stages', `/v1/journeys/${journeyId}/stats`]) {
      const res = await tp.request<{ errors: { path: string }[] }>('GET', `${path}?from=x&to=y`);
      expect(res.status, path).toBe(400);
      expect(res.body.errors.map((e) => e.path).sort()).toEqual(['from', 'to']);
    }
  });

  it('should answer a replayed survey answer with 409, and keep the first', async () => {
    const id = touchpointIds[0];
    const token = tp.app.get(SurveyLinks).token(id);
    const first = await tp.request('POST', `/s/${token}`, { score: 9 }, { key: null });
    const again = await tp.request('POST', `/s/${token}`, { score: 1 }, { key: null });
    expect(first.status).toBeLessThan(500);
    expect(again.status).toBeLessThan(500);
    if (first.status === 201) expect(again.status).toBe(409);
  });
});

/** URLSearchParams cannot carry a lone surrogate: a client could not send one either. */
function safeForForm(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
