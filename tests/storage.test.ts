import {
  EventRepository,
  migrateToLatest,
  openDatabase,
  TouchpointLogRepository,
  TouchpointRepository,
  type DatabaseHandle,
} from '@touchpoint/core';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The same migrations and queries on a PostgreSQL server and on embedded PGlite.
describe.each(['postgres', 'pglite'] as const)('storage on %s', (kind) => {
  let handle: DatabaseHandle;
  let testDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  let events: EventRepository;
  let touchpoints: TouchpointRepository;
  let log: TouchpointLogRepository;
  const at = new Date('2026-11-22T09:30:00Z');

  beforeAll(async () => {
    if (kind === 'postgres') testDb = await createTestDatabase();
    else dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-pglite-'));
    handle = await openDatabase({ databaseUrl: testDb?.url, dataDir: dataDir ?? '' });
    expect(handle.kind).toBe(kind);
    await migrateToLatest(handle.db);
    events = new EventRepository(handle.db);
    touchpoints = new TouchpointRepository(handle.db);
    log = new TouchpointLogRepository(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should run the migrations once and be a no-op the second time', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = await (handle.db as unknown as Kysely<Record<string, { table_name: string }>>)
      .selectFrom('information_schema.tables')
      .select('table_name')
      .where('table_schema' as never, '=', 'public' as never)
      .execute();
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'customers',
        'events',
        'journeys',
        'journey_versions',
        'enrollments',
        'scheduled_steps',
        'touchpoints',
        'api_keys',
      ]),
    );
  });

  it('should keep the first of duplicate event ids, within a batch and across batches', async () => {
    const e = (id: string) => ({
      id,
      customerId: 'c-1',
      name: 'cart_abandoned',
      properties: { city: 'تهران' },
      occurredAt: at,
    });
    expect(await events.insertMany(handle.db, [e('a'), e('b'), e('a')], at)).toEqual(['a', 'b']);
    expect(await events.insertMany(handle.db, [e('b'), e('c')], at)).toEqual(['c']);
    const stored = await handle.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', 'a')
      .executeTakeFirstOrThrow();
    expect(stored.properties).toEqual({ city: 'تهران' });
  });

  it('should let exactly one of two claims on an event batch win', async () => {
    const [first, second] = await Promise.all([
      handle.db.transaction().execute((trx) => events.claim(trx, ['a', 'b', 'c'], at)),
      handle.db.transaction().execute((trx) => events.claim(trx, ['a', 'b', 'c'], at)),
    ]);
    expect(first.length + second.length).toBe(3);
  });

  it('should move a touchpoint only from the status it is in', async () => {
    const id = await seedTouchpoint(handle, at);
    const [a, b] = await Promise.all([
      touchpoints.transition(handle.db, id, { from: 'scheduled', to: 'sending', at }),
      touchpoints.transition(handle.db, id, { from: 'scheduled', to: 'sending', at }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(
      await touchpoints.transition(handle.db, id, { from: 'scheduled', to: 'sent', at }),
    ).toBeUndefined();
    expect(await touchpoints.transition(handle.db, id, { from: 'sending', to: 'sent', at })).toMatchObject({
      status: 'sent',
    });
  });

  it('should page the log newest first without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await seedTouchpoint(handle, new Date(at.getTime() + i * 1000), 'c-page');
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await log.list({ customerId: 'c-page' }, 3, cursor);
      seen.push(...page.map((t) => t.id));
      if (page.length < 3) break;
      const last = page[page.length - 1];
      cursor = { createdAt: last.created_at, id: last.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const all = await log.list({ customerId: 'c-page' }, 100);
    expect(all.map((t) => t.id)).toEqual(seen);
    expect(all[0].created_at.getTime()).toBeGreaterThan(all[6].created_at.getTime());
  });
});

async function seedTouchpoint(handle: DatabaseHandle, at: Date, customerId = 'c-1'): Promise<string> {
  const journeyId = randomUUID();
  const enrollmentId = randomUUID();
  await handle.db
    .insertInto('journeys')
    .values({
      id: journeyId,
      name: `j-${journeyId}`,
      status: 'active',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await handle.db
    .insertInto('enrollments')
    .values({
      id: enrollmentId,
      journey_id: journeyId,
      journey_version: 1,
      customer_id: customerId,
      status: 'active',
      enrolled_at: at,
    })
    .execute();
  return new TouchpointRepository(handle.db).createScheduled(handle.db, {
    enrollmentId,
    stepId: 'sms',
    customerId,
    journeyId,
    journeyVersion: 1,
    stage: 'decision',
    channel: 'sms',
    scheduledFor: at,
    at,
  });
}
