import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiftedClock } from './support/shifted-clock';
import { TouchpointHarness } from './support/touchpoint-harness';
import { waitFor } from './support/wait-for';

interface AuditItem {
  id: string;
  at: string;
  actor: { keyId: string | null; name: string; role: string | null };
  action: string;
  target: { type: string | null; id: string | null };
  detail: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}
interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}
interface KeyItem {
  id: string;
  name: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  rotatedFrom: string | null;
}

const HOUR = 3_600_000;

describe('the audit trail', () => {
  let tp: TouchpointHarness;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false });
  });
  afterAll(() => tp?.close());

  const audit = (query = '') => tp.request<AuditPage>('GET', `/v1/audit${query}`);

  it('should record who changed what, when and from where, and let admins read it with filters and a cursor', async () => {
    const created = await tp.request<{ id: string; key: string }>('POST', '/v1/api-keys', {
      name: 'Mina (marketing)',
      role: 'marketer',
    });
    const marketer = created.body;
    const journey = await tp.request<{ id: string }>(
      'POST',
      '/v1/journeys',
      {
        name: 'Audited',
        stage: 'retention',
        trigger: { event: 'ping' },
        steps: [{ id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } }],
      },
      { key: marketer.key },
    );
    expect(journey.status).toBe(201);
    const id = journey.body.id;
    for (const action of ['pause', 'resume']) {
      expect(
        (await tp.request('POST', `/v1/journeys/${id}/${action}`, {}, { key: marketer.key })).status,
      ).toBe(200);
    }
    expect((await tp.request('DELETE', `/v1/journeys/${id}`, undefined, { key: marketer.key })).status).toBe(
      200,
    );
    expect(
      (
        await tp.request('PUT', '/v1/settings/frequency-caps', {
          caps: [{ channel: 'sms', max: 3, per: 'P1D' }],
        })
      ).status,
    ).toBe(200);
    expect((await tp.request('POST', '/v1/session', { key: marketer.key }, { key: null })).status).toBe(200);

    const journeyTrail = await audit(`?targetType=journey&targetId=${id}`);
    expect(journeyTrail.status).toBe(200);
    expect(journeyTrail.body.items.map((e) => e.action)).toEqual([
      'journey.archived',
      'journey.resumed',
      'journey.paused',
      'journey.created',
    ]);
    const [archived] = journeyTrail.body.items;
    expect(archived).toMatchObject({
      actor: { keyId: marketer.id, name: 'Mina (marketing)', role: 'marketer' },
      target: { type: 'journey', id },
      detail: { name: 'Audited', status: 'archived' },
      ip: expect.stringMatching(/127\.0\.0\.1/),
      requestId: expect.any(String),
    });
    expect((await audit('?action=api_key.created')).body.items[0]).toMatchObject({
      target: { id: marketer.id },
      detail: { name: 'Mina (marketing)', role: 'marketer' },
    });
    expect((await audit('?action=settings.frequency_caps.changed')).body.items).toHaveLength(1);
    expect((await audit('?action=console.signed_in')).body.items[0].actor).toMatchObject({
      keyId: marketer.id,
      name: 'Mina (marketing)',
    });
    const byMarketer = (await audit(`?actorKeyId=${marketer.id}`)).body.items;
    expect(byMarketer.length).toBe(5);
    expect(byMarketer.every((e) => e.actor.keyId === marketer.id)).toBe(true);

    // Two entries a page, to the end: every entry once, newest first.
    const seen: AuditItem[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { status: number; body: AuditPage } = await audit(
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const all = (await audit('?limit=500')).body.items;
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });

  it('should refuse the audit trail to anyone but an admin, and a cursor it did not give', async () => {
    const analyst = await tp.keyFor('analyst');
    expect((await tp.request('GET', '/v1/audit', undefined, { key: analyst })).status).toBe(403);
    const bad = await audit('?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ path: 'cursor' }] });
  });

  it('should keep an erasure in the trail without the erased person’s id, and never let the trail be rewritten', async () => {
    const customerId = 'dana@example.com';
    await tp.request('PUT', `/v1/customers/${encodeURIComponent(customerId)}`, { email: customerId });
    expect((await tp.request('DELETE', `/v1/customers/${encodeURIComponent(customerId)}`)).status).toBe(204);

    const hash = `sha256:${createHash('sha256').update(customerId).digest('hex')}`;
    const erased = (await audit(`?action=customer.erased&targetId=${hash}`)).body.items;
    expect(erased).toHaveLength(1);
    const rows = await sql<{ row: string }>`select audit_log::text as row from audit_log`.execute(tp.db);
    expect(rows.rows.some((r) => r.row.includes(customerId))).toBe(false);

    await expect(sql`update audit_log set action = 'nothing'`.execute(tp.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(tp.db)).rejects.toThrow(/append-only/);
  });
});

describe('keys that expire and rotate', () => {
  let tp: TouchpointHarness;
  const clock = new ShiftedClock();

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false, clock });
  });
  afterAll(() => tp?.close());

  const keys = async () => (await tp.request<{ items: KeyItem[] }>('GET', '/v1/api-keys')).body.items;
  const canRead = async (key: string) => (await tp.request('GET', '/v1/journeys', undefined, { key })).status;

  it('should refuse a key after its expiry and show when each key was last used', async () => {
    const expiresAt = new Date(Date.now() + HOUR).toISOString();
    const created = await tp.request<{ id: string; key: string; expiresAt: string }>('POST', '/v1/api-keys', {
      name: 'Short-lived',
      role: 'analyst',
      expiresAt,
    });
    expect(created.status).toBe(201);
    expect(created.body.expiresAt).toBe(expiresAt);
    expect((await keys()).find((k) => k.id === created.body.id)?.lastUsedAt).toBeNull();

    expect(await canRead(created.body.key)).toBe(200);
    const used = tp.db.selectFrom('api_keys').select('last_used_at').where('id', '=', created.body.id);
    await waitFor('the key’s last use noted', async () => (await used.executeTakeFirst())?.last_used_at);
    expect((await keys()).find((k) => k.id === created.body.id)?.lastUsedAt).toEqual(expect.any(String));

    clock.shiftTo(new Date(Date.now() + 2 * HOUR));
    const refused = await tp.request('GET', '/v1/journeys', undefined, { key: created.body.key });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ detail: expect.stringContaining('expired') });
  });

  it('should refuse an expiry in the past, naming the field', async () => {
    const res = await tp.request('POST', '/v1/api-keys', {
      name: 'Already gone',
      role: 'analyst',
      expiresAt: '2001-01-01T00:00:00Z',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: [{ path: 'expiresAt', message: 'must be in the future' }] });
    // Not a date at all: one problem, not the date's and then every rule about dates.
    const garbled = await tp.request<{ errors: unknown[] }>('POST', '/v1/api-keys', {
      name: 'Garbled',
      role: 'analyst',
      expiresAt: 'yesterday',
    });
    expect(garbled.body.errors).toHaveLength(1);
  });

  it('should rotate a key: a new key with the same name and role, the old one valid for its grace period', async () => {
    const old = (
      await tp.request<{ id: string; key: string }>('POST', '/v1/api-keys', {
        name: 'CRM sync',
        role: 'ingest',
      })
    ).body;
    const rotated = await tp.request<{
      id: string;
      key: string;
      rotatedFrom: string;
      oldKeyExpiresAt: string;
      name: string;
      role: string;
    }>('POST', `/v1/api-keys/${old.id}/rotate`, { graceMinutes: 60 });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ name: 'CRM sync', role: 'ingest', rotatedFrom: old.id });
    expect(new Date(rotated.body.oldKeyExpiresAt).getTime() - clock.now().getTime()).toBeGreaterThan(
      59 * 60_000,
    );

    const ping = (key: string) =>
      tp.request('POST', '/v1/events', { customerId: 'c-rot', name: 'ping' }, { key }).then((r) => r.status);
    expect(await ping(old.key)).toBe(202);
    expect(await ping(rotated.body.key)).toBe(202);
    clock.shiftTo(new Date(clock.now().getTime() + 61 * 60_000));
    expect(await ping(old.key)).toBe(401);
    expect(await ping(rotated.body.key)).toBe(202);

    expect((await keys()).find((k) => k.id === rotated.body.id)).toMatchObject({ rotatedFrom: old.id });
    const trail = await tp.request<AuditPage>('GET', `/v1/audit?action=api_key.rotated&targetId=${old.id}`);
    expect(trail.body.items[0].detail).toMatchObject({ newKeyId: rotated.body.id });
    // An expired key cannot be rotated again: it is gone.
    expect((await tp.request('POST', `/v1/api-keys/${old.id}/rotate`, {})).status).toBe(404);
  });
});
