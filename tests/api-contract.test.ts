import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

const journey = (name = 'Cart SMS') => ({
  name,
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: 'P3D' },
    { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi {{ customer.attributes.firstName }}' } },
  ],
});

describe('the HTTP contract: auth, problems, and nothing written on bad input', () => {
  let tp: TouchpointHarness;
  let keys: Record<'marketer' | 'analyst' | 'ingest', string>;

  const expectProblem = (res: { status: number; headers: Headers; body: unknown }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = res.body as Problem;
    expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
    return problem;
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
    keys = {
      marketer: await tp.keyFor('marketer'),
      analyst: await tp.keyFor('analyst'),
      ingest: await tp.keyFor('ingest'),
    };
  });
  afterAll(() => tp?.close());

  describe('auth', () => {
    it('should answer 401 without a key and with an unknown key', async () => {
      expectProblem(await tp.request('GET', '/v1/journeys', undefined, { key: null }), 401);
      expectProblem(await tp.request('GET', '/v1/journeys', undefined, { key: 'tp_not-a-key' }), 401);
    });

    it('should answer 403 to a known key with the wrong role, and write nothing', async () => {
      expectProblem(await tp.request('GET', '/v1/touchpoints', undefined, { key: keys.ingest }), 403);
      expectProblem(await tp.request('POST', '/v1/journeys', journey(), { key: keys.analyst }), 403);
      expectProblem(
        await tp.request('POST', '/v1/api-keys', { name: 'x', role: 'admin' }, { key: keys.marketer }),
        403,
      );
      expect(await tp.count('journeys')).toBe(0);
    });

    it('should let each role do what the README’s roles table gives it', async () => {
      expect((await tp.request('GET', '/v1/journeys', undefined, { key: keys.analyst })).status).toBe(200);
      expect(
        (await tp.request('POST', '/v1/events', { customerId: 'c-role', name: 'x' }, { key: keys.ingest }))
          .status,
      ).toBe(202);
      expect((await tp.request('PUT', '/v1/customers/c-role', {}, { key: keys.ingest })).status).toBe(200);
    });

    it('should show a new key once and store only its hash', async () => {
      const res = await tp.request<{ id: string; key: string; role: string }>('POST', '/v1/api-keys', {
        name: 'pipeline',
        role: 'ingest',
      });
      expect(res).toMatchObject({ status: 201, body: { name: 'pipeline', role: 'ingest' } });
      const row = await tp.db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.key_hash).not.toContain(res.body.key);
      expect(JSON.stringify((await tp.request('GET', '/v1/api-keys')).body)).not.toContain(res.body.key);
    });
  });

  describe('400: invalid fields, named', () => {
    it('should refuse a journey with a bad duration, naming steps.0.duration', async () => {
      const bad = journey();
      bad.steps[0] = { id: 'wait', type: 'wait', duration: 'P3X' };
      const problem = expectProblem(await tp.request('POST', '/v1/journeys', bad), 400);
      expect(problem.errors?.map((e) => e.path)).toContain('steps.0.duration');
      expect(await tp.count('journeys')).toBe(0);
    });

    it('should refuse an email step without a subject', async () => {
      const bad = {
        ...journey(),
        steps: [{ id: 'mail', type: 'send', channel: 'email', template: { html: '<p>Hi</p>' } }],
      };
      const problem = expectProblem(await tp.request('POST', '/v1/journeys', bad), 400);
      expect(problem.errors?.map((e) => e.path)).toContain('steps.0.template.subject');
      expect(await tp.count('journeys')).toBe(0);
    });

    it('should refuse a template that does not parse, naming its field', async () => {
      const bad = {
        ...journey(),
        steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi {{ customer.name ' } }],
      };
      const problem = expectProblem(await tp.request('POST', '/v1/journeys', bad), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['steps.0.template.body']);
      expect((await tp.request('POST', '/v1/journeys/validate', bad)).status).toBe(400);
      expect(await tp.count('journeys')).toBe(0);
    });

    it('should refuse a template that names an unknown variable', async () => {
      const bad = {
        ...journey(),
        steps: [{ id: 's', type: 'send', channel: 'sms', template: { body: '{{ custmer.id }}' } }],
      };
      const problem = expectProblem(await tp.request('POST', '/v1/journeys/validate', bad), 400);
      expect(problem.errors?.[0]).toMatchObject({
        path: 'steps.0.template.body',
        message: expect.stringContaining('custmer'),
      });
    });

    it('should answer validate with valid: true and save nothing', async () => {
      expect(await tp.request('POST', '/v1/journeys/validate', journey())).toMatchObject({
        status: 200,
        body: { valid: true },
      });
      expect(await tp.count('journeys')).toBe(0);
    });

    it('should refuse a phone number that is not E.164 and store no customer', async () => {
      const problem = expectProblem(
        await tp.request('PUT', '/v1/customers/c-bad-phone', { phone: '0912 123 4567' }),
        400,
      );
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
      expectProblem(await tp.request('GET', '/v1/customers/c-bad-phone'), 404);
    });

    it('should refuse an unknown timezone', async () => {
      const problem = expectProblem(
        await tp.request('PUT', '/v1/customers/c-tz', { timezone: 'Mars/Olympus' }),
        400,
      );
      expect(problem.errors?.[0].path).toBe('timezone');
    });

    it('should refuse a whole batch when one event is bad, naming it, and store none', async () => {
      const before = await tp.count('events');
      const problem = expectProblem(
        await tp.request('POST', '/v1/events', {
          events: [{ customerId: 'c-1', name: 'a' }, { name: 'missing customer' }],
        }),
        400,
      );
      expect(problem.errors?.map((e) => e.path)).toEqual(['events.1.customerId']);
      expect(await tp.count('events')).toBe(before);
    });

    it('should refuse malformed JSON', async () => {
      expectProblem(await tp.request('POST', '/v1/events', undefined, { raw: '{"customerId": ' }), 400);
    });

    it('should refuse a bad touchpoint filter and a forged cursor', async () => {
      expect(
        expectProblem(await tp.request('GET', '/v1/touchpoints?status=lost'), 400).errors?.[0].path,
      ).toBe('status');
      expect(expectProblem(await tp.request('GET', '/v1/touchpoints?cursor=abc'), 400).errors?.[0].path).toBe(
        'cursor',
      );
    });
  });

  it('should answer 413 to a body over the limit and store nothing', async () => {
    const before = await tp.count('events');
    const huge = { customerId: 'c-big', name: 'big', properties: { blob: 'x'.repeat(1_200_000) } };
    expectProblem(await tp.request('POST', '/v1/events', huge), 413);
    expect(await tp.count('events')).toBe(before);
  });

  it('should answer 415 to a body that is not JSON and store nothing', async () => {
    const before = await tp.count('events');
    const res = await tp.request('POST', '/v1/events', undefined, {
      raw: 'customerId=c-form&name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415);
    expect(await tp.count('events')).toBe(before);
  });

  it('should answer 404 for an unknown customer and journey', async () => {
    expectProblem(await tp.request('GET', '/v1/customers/nobody'), 404);
    expectProblem(await tp.request('GET', '/v1/journeys/7d1f4a38-3b7e-4b53-9a57-6d1f9c0f6a11'), 404);
    expectProblem(await tp.request('GET', '/v1/journeys/not-a-uuid'), 404);
    expectProblem(await tp.request('GET', '/v1/customers/nobody/touchpoints'), 404);
  });

  it('should answer 409 to a second live journey with the same name and keep one', async () => {
    expect((await tp.request('POST', '/v1/journeys', journey('Welcome'))).status).toBe(201);
    const before = await tp.count('journey_versions');
    expectProblem(await tp.request('POST', '/v1/journeys', journey('welcome')), 409);
    expect(await tp.count('journey_versions')).toBe(before);
  });

  it('should mask contact details for analysts only', async () => {
    await tp.request('PUT', '/v1/customers/c-mask', { phone: '+989121234567', email: 'nasrin@example.com' });
    const asAnalyst = await tp.request('GET', '/v1/customers/c-mask', undefined, { key: keys.analyst });
    expect(asAnalyst.body).toMatchObject({ phone: '+98912•••4567', email: 'n•••@example.com' });
    const asMarketer = await tp.request('GET', '/v1/customers/c-mask', undefined, { key: keys.marketer });
    expect(asMarketer.body).toMatchObject({ phone: '+989121234567', email: 'nasrin@example.com' });
  });

  it('should serve health, OpenAPI and Prometheus metrics without a key', async () => {
    expect(await tp.request('GET', '/health', undefined, { key: null })).toMatchObject({
      status: 200,
      body: { status: 'ok', redis: 'up', database: 'up' },
    });
    const doc = await tp.request<{ paths: Record<string, unknown> }>('GET', '/docs/openapi.json', undefined, {
      key: null,
    });
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/events', '/v1/journeys', '/v1/customers/{customerId}', '/v1/touchpoints']),
    );
    const metrics = await fetch(`${tp.url}/metrics`).then((r) => r.text());
    expect(metrics).toContain('touchpoint_queue_jobs');
    expect(metrics).toContain('touchpoint_unknown_sends');
  });

  it('should guard the queue dashboard with the admin key', async () => {
    expect((await fetch(`${tp.url}/admin/queues`)).status).toBe(401);
    const basic = Buffer.from(`admin:${keys.marketer}`).toString('base64');
    expect(
      (await fetch(`${tp.url}/admin/queues`, { headers: { authorization: `Basic ${basic}` } })).status,
    ).toBe(403);
    const admin = Buffer.from(`admin:test-admin-key-0123456789abcdef`).toString('base64');
    expect(
      (await fetch(`${tp.url}/admin/queues`, { headers: { authorization: `Basic ${admin}` } })).status,
    ).toBe(200);
  });
});
