import { ManualClock } from '@touchpoint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from './support/touchpoint-harness';

interface Session {
  keyId: string;
  name: string;
  role: string;
  csrfToken: string;
  expiresAt: string;
}

const journey = (name: string) => ({
  name,
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } }],
});

const MINUTE = 60_000;

/** A browser's cookie jar for one site, by hand: what Set-Cookie gave, sent back as Cookie. */
class Browser {
  cookie: string | undefined;
  setCookie: string | undefined;

  constructor(private readonly tp: TouchpointHarness) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.tp.request<T>(method, path, body, {
      key: null,
      headers: { ...(this.cookie && { cookie: this.cookie }), ...headers },
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      this.setCookie = set;
      const [pair] = set.split(';');
      this.cookie = /Expires=Thu, 01 Jan 1970/.test(set) ? undefined : pair;
    }
    return res;
  }

  signIn(key: string, headers: Record<string, string> = {}) {
    return this.request<Session>('POST', '/v1/session', { key }, headers);
  }
}

describe('console sessions: a pasted key becomes an HttpOnly cookie with a CSRF token', () => {
  let tp: TouchpointHarness;
  const clock = new ManualClock(new Date('2026-11-22T09:00:00Z'));
  let keys: Record<'marketer' | 'analyst' | 'ingest', string>;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({
      withWorker: false,
      clock,
      env: { TRUST_PROXY: 'loopback', SESSION_IDLE_MINUTES: '60' },
    });
    keys = {
      marketer: await tp.keyFor('marketer'),
      analyst: await tp.keyFor('analyst'),
      ingest: await tp.keyFor('ingest'),
    };
  });
  afterAll(() => tp?.close());

  it('should sign in with a key, set a strict HttpOnly cookie, and store only a hash of its id', async () => {
    const browser = new Browser(tp);
    const res = await browser.signIn(keys.marketer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      keyId: expect.any(String),
      name: 'marketer key',
      role: 'marketer',
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: new Date(clock.now().getTime() + 60 * MINUTE).toISOString(),
    });
    expect(browser.setCookie).toMatch(/^tp_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const id = browser.cookie!.split('=')[1];
    const rows = await tp.db.selectFrom('console_sessions').selectAll().execute();
    expect(rows.map((r) => r.id_hash)).not.toContain(id);
    expect(rows.some((r) => r.key_id === res.body.keyId)).toBe(true);
  });

  it('should mark the cookie Secure when a trusted proxy says the request came over https', async () => {
    const browser = new Browser(tp);
    expect((await browser.signIn(keys.marketer, { 'x-forwarded-proto': 'https' })).status).toBe(200);
    expect(browser.setCookie).toMatch(/; Secure/);
  });

  it('should give the session back on GET, act with its role, and need the CSRF token for changes', async () => {
    const browser = new Browser(tp);
    const signedIn = (await browser.signIn(keys.marketer)).body;
    const current = await browser.request<Session>('GET', '/v1/session');
    expect(current.status).toBe(200);
    expect(current.body).toEqual(signedIn);
    expect((await browser.request('GET', '/v1/journeys')).status).toBe(200);

    const before = await tp.count('journeys');
    const bare = await browser.request('POST', '/v1/journeys', journey('No token'));
    expect(bare.status).toBe(403);
    expect(bare.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bare.body).toMatchObject({ errors: [{ path: 'headers.x-csrf-token' }] });
    const wrong = await browser.request('POST', '/v1/journeys', journey('Wrong token'), {
      'x-csrf-token': `${signedIn.csrfToken.slice(0, -1)}x`,
    });
    expect(wrong.status).toBe(403);
    expect(await tp.count('journeys')).toBe(before);

    const created = await browser.request<{ id: string }>('POST', '/v1/journeys', journey('With token'), {
      'x-csrf-token': signedIn.csrfToken,
    });
    expect(created.status).toBe(201);
    const history = await tp.request<{ items: { actor: string }[] }>(
      'GET',
      `/v1/journeys/${created.body.id}/history`,
    );
    expect(history.body.items[0].actor).toBe('marketer key');
  });

  it('should let an analyst read but not change, and refuse an ingest key at sign-in', async () => {
    const analyst = new Browser(tp);
    const session = (await analyst.signIn(keys.analyst)).body;
    expect((await analyst.request('GET', '/v1/touchpoints')).status).toBe(200);
    const before = await tp.count('journeys');
    const refused = await analyst.request('POST', '/v1/journeys', journey('Analyst'), {
      'x-csrf-token': session.csrfToken,
    });
    expect(refused.status).toBe(403);
    expect(await tp.count('journeys')).toBe(before);

    const sessions = await tp.count('console_sessions');
    const ingest = new Browser(tp);
    const res = await ingest.signIn(keys.ingest);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ errors: [{ path: 'key' }] });
    expect(ingest.cookie).toBeUndefined();
    expect(await tp.count('console_sessions')).toBe(sessions);
  });

  it('should answer 401 for an unknown key and 400 naming the field for a missing one, storing nothing', async () => {
    const sessions = await tp.count('console_sessions');
    const browser = new Browser(tp);
    const unknown = await browser.signIn('tp_not-a-key');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const missing = await browser.request('POST', '/v1/session', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [{ path: 'key' }] });
    expect(browser.cookie).toBeUndefined();
    expect(await tp.count('console_sessions')).toBe(sessions);
    expect((await browser.request('GET', '/v1/session')).status).toBe(401);
  });

  it('should end after the idle time, and slide while in use', async () => {
    const browser = new Browser(tp);
    await browser.signIn(keys.marketer);
    clock.advance(50 * MINUTE);
    expect((await browser.request('GET', '/v1/journeys')).status).toBe(200);
    clock.advance(50 * MINUTE);
    const slid = await browser.request<Session>('GET', '/v1/session');
    expect(slid.status).toBe(200);
    expect(slid.body.expiresAt).toBe(new Date(clock.now().getTime() + 60 * MINUTE).toISOString());
    clock.advance(61 * MINUTE);
    const ended = await browser.request('GET', '/v1/journeys');
    expect(ended.status).toBe(401);
    expect(ended.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('should sign out server-side (with the CSRF token) and clear the cookie', async () => {
    const browser = new Browser(tp);
    const session = (await browser.signIn(keys.marketer)).body;
    const stolen = browser.cookie;
    expect((await browser.request('DELETE', '/v1/session')).status).toBe(403);
    expect((await browser.request('GET', '/v1/session')).status).toBe(200);

    const out = await browser.request('DELETE', '/v1/session', undefined, {
      'x-csrf-token': session.csrfToken,
    });
    expect(out.status).toBe(204);
    expect(browser.setCookie).toMatch(
      /^tp_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict/,
    );
    expect(browser.cookie).toBeUndefined();
    // The old cookie, replayed, is worth nothing: the session is gone from the server.
    const replayed = await tp.request('GET', '/v1/journeys', undefined, {
      key: null,
      headers: { cookie: stolen! },
    });
    expect(replayed.status).toBe(401);
  });

  it('should end the sessions of a revoked key at once', async () => {
    const created = await tp.request<{ id: string; key: string }>('POST', '/v1/api-keys', {
      name: 'leaving colleague',
      role: 'marketer',
    });
    const browser = new Browser(tp);
    expect((await browser.signIn(created.body.key)).status).toBe(200);
    expect((await tp.request('DELETE', `/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await browser.request('GET', '/v1/journeys')).status).toBe(401);
  });

  it('should let a Bearer key pass without a CSRF token, even beside a cookie', async () => {
    const browser = new Browser(tp);
    await browser.signIn(keys.analyst);
    const res = await tp.request('POST', '/v1/journeys', journey('Scripted'), {
      key: ADMIN_KEY,
      headers: { cookie: browser.cookie! },
    });
    expect(res.status).toBe(201);
  });
});
