import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TouchpointHarness } from './support/touchpoint-harness';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-3f9a.js"></script></head><body><div id="root"></div></body></html>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

const expectStrictCsp = (headers: Headers) => {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "frame-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
};

describe('the console at /: its files, its client routes, and the API paths left alone', () => {
  let tp: TouchpointHarness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'app-3f9a.js'), 'console.log("console")');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    tp = await TouchpointHarness.start({ withWorker: false, env: { CONSOLE_DIR: dir } });
  });
  afterAll(async () => {
    await tp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should serve index.html at / with a strict CSP, revalidated on every load', async () => {
    const res = await tp.request<string>('GET', '/', undefined, { key: null, headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expectStrictCsp(res.headers);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should answer a client route a browser opens with the app, and a deep link too', async () => {
    for (const route of ['/journeys', '/journeys/3f7c/canvas', '/settings/keys?tab=1']) {
      const res = await tp.request<string>('GET', route, undefined, { key: null, headers: HTML });
      expect(res.status, route).toBe(200);
      expect(res.body, route).toBe(INDEX);
      expectStrictCsp(res.headers);
    }
  });

  it('should cache hashed assets for a year and other files not at all', async () => {
    const asset = await tp.request<string>('GET', '/assets/app-3f9a.js', undefined, { key: null });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await tp.request('GET', '/favicon.svg', undefined, { key: null });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('should answer 404 problem+json, not the app, for a missing asset a script asks for', async () => {
    const res = await tp.request('GET', '/assets/gone-1234.js', undefined, {
      key: null,
      headers: { accept: '*/*' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('should leave every API path its own meaning, even when a browser asks for HTML', async () => {
    const asBrowser = (p: string, method = 'GET') =>
      tp.request(method, p, undefined, { key: null, headers: HTML });
    const problem = /^application\/problem\+json/;

    const v1 = await asBrowser('/v1/journeys');
    expect([v1.status, v1.headers.get('content-type')]).toEqual([401, expect.stringMatching(problem)]);
    const unknownV1 = await tp.request('GET', '/v1/no-such-thing', undefined, { headers: HTML });
    expect([unknownV1.status, unknownV1.headers.get('content-type')]).toEqual([
      404,
      expect.stringMatching(problem),
    ]);

    const docs = await asBrowser('/docs');
    expect(docs.status).toBe(200);
    expect(docs.body).toMatch(/swagger-ui/i);
    expect(docs.body).not.toBe(INDEX);
    const openapi = await tp.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/docs/openapi.json',
      undefined,
      { key: null },
    );
    expect(openapi.status).toBe(200);
    expect(openapi.body.paths['/v1/session']).toBeDefined();

    const queues = await asBrowser('/admin/queues');
    expect(queues.status).toBe(401);
    expect(queues.headers.get('www-authenticate')).toMatch(/^Basic/);

    const survey = await asBrowser('/s/nonsense');
    expect(survey.status).toBe(403);
    expect(survey.body).not.toBe(INDEX);

    const unsubscribe = await asBrowser('/unsubscribe/nonsense');
    expect(unsubscribe.status).toBeGreaterThanOrEqual(400);
    expect(unsubscribe.status).toBeLessThan(500);
    expect(unsubscribe.body).not.toBe(INDEX);

    const webhook = await tp.request('POST', '/webhooks/twilio/status', undefined, {
      key: null,
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
      raw: 'MessageSid=SM1&MessageStatus=delivered',
    });
    expect(webhook.status).toBe(403);
    const webhookGet = await asBrowser('/webhooks/twilio/status');
    expect(webhookGet.status).toBe(404);
    expect(webhookGet.headers.get('content-type')).toMatch(problem);

    const health = await asBrowser('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    const metrics = await asBrowser('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const res of [v1, docs, queues, survey, health, metrics]) {
      expect(res.headers.get('content-security-policy') ?? '').not.toContain("connect-src 'self'");
    }
  });

  it('should not serve the app for a POST to a client route', async () => {
    const res = await tp.request('POST', '/journeys', {}, { key: null, headers: HTML });
    expect(res.status).toBe(404);
  });
});

describe('the console before it is built', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({
      withWorker: false,
      env: { CONSOLE_DIR: path.join(tmpdir(), 'touchpoint-console-never-built') },
    });
  });
  afterAll(() => tp?.close());

  it('should answer / with a page saying so, not a 404', async () => {
    const res = await tp.request<string>('GET', '/', undefined, { key: null, headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toMatch(/console has not been built/);
    expect(res.body).toMatch(/npm start/);
    expectStrictCsp(res.headers);
    expect((await tp.request('GET', '/health', undefined, { key: null })).status).toBe(200);
  });
});
