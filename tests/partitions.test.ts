import { SchedulerRegistry } from '@nestjs/schedule';
import {
  ManualClock,
  migrateToLatest,
  migrateUpTo,
  openDatabase,
  rollupSource,
  ROLLUP_DIMENSIONS,
  SurveyAnswerRepository,
  TouchpointLogRepository,
  TouchpointPartitionRepository,
  TouchpointRepository,
  type DatabaseHandle,
  type LoggedTouchpoint,
  type TouchpointCursor,
} from '@touchpoint/core';
import { exportPartitions, PartitionMaintenance } from '@touchpoint/worker';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/test-database';

const MINUTE = 60_000;
/** A year's end far from today, so its months exist only when the test adds them. */
const BOUNDARY = Date.parse('2031-01-01T00:00:00Z');
const JOURNEY = randomUUID();

async function open(kind: 'postgres' | 'pglite') {
  const testDb = kind === 'postgres' ? await createTestDatabase() : undefined;
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'touchpoint-partitions-')) : undefined;
  const handle = await openDatabase({ databaseUrl: testDb?.url, dataDir: dataDir ?? '' });
  return {
    handle,
    async close() {
      await handle.close();
      await testDb?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function seedJourney(handle: DatabaseHandle, enrollments: string[]) {
  const at = new Date(BOUNDARY - 30 * 24 * 60 * MINUTE);
  await handle.db
    .insertInto('journeys')
    .values({ id: JOURNEY, name: 'partitions', status: 'active', version: 1, created_at: at, updated_at: at })
    .execute();
  for (const id of enrollments) {
    await handle.db
      .insertInto('enrollments')
      .values({
        id,
        journey_id: JOURNEY,
        journey_version: 1,
        customer_id: `c-${id}`,
        status: 'active',
        enrolled_at: at,
      })
      .execute();
  }
}

/** Which partition holds each of these touchpoints. */
async function partitionsOf(handle: DatabaseHandle, table: 'touchpoints' | 'touchpoint_events') {
  const { rows } = await sql<{ partition: string; n: number }>`
    select tableoid::regclass::text as partition, count(*)::int as n from ${sql.table(table)}
    group by 1 order by 1`.execute(handle.db);
  return Object.fromEntries(rows.map((r) => [r.partition, r.n]));
}

/** The stats as reports read them: rollups plus unfolded deltas, per key, around the boundary. */
async function stats(handle: DatabaseHandle) {
  const dims = sql.raw(ROLLUP_DIMENSIONS.join(', '));
  const { rows } = await sql<Record<string, unknown>>`
    select bucket, ${dims}, sum(n)::int as n
      from (${rollupSource({ from: new Date(BOUNDARY - 24 * 60 * MINUTE), to: new Date(BOUNDARY + 24 * 60 * MINUTE) })}) s
     group by bucket, ${dims} having sum(n) <> 0 order by bucket, ${dims}`.execute(handle.db);
  return rows.map((r) => JSON.stringify(r));
}

describe('the touchpoint log partitioned by month on postgres', () => {
  const enrollments = Array.from({ length: 4 }, () => randomUUID());
  let db: Awaited<ReturnType<typeof open>>;
  let touchpoints: TouchpointRepository;
  let log: TouchpointLogRepository;
  let partitions: TouchpointPartitionRepository;
  let archive: string;
  /** 24 touchpoints from 2030-12-31 22:00 to 2031-01-01 01:50, every 10 minutes: 12 each side. */
  let ids: string[];

  beforeAll(async () => {
    db = await open('postgres');
    await migrateToLatest(db.handle.db);
    touchpoints = new TouchpointRepository(db.handle.db);
    log = new TouchpointLogRepository(db.handle.db);
    partitions = new TouchpointPartitionRepository(db.handle.db);
    archive = mkdtempSync(path.join(tmpdir(), 'touchpoint-archive-'));
    await seedJourney(db.handle, enrollments);
    const inputs = Array.from({ length: 24 }, (_, i) => {
      const at = new Date(BOUNDARY + (i - 12) * 10 * MINUTE);
      return {
        enrollmentId: enrollments[i % 4],
        stepId: `step-${i}`,
        customerId: `c-${i % 4}`,
        journeyId: JOURNEY,
        journeyVersion: 1,
        stage: 'decision',
        channel: 'sms' as const,
        scheduledFor: at,
        at,
      };
    });
    await touchpoints.createScheduledMany(db.handle.db, inputs);
    ids = (await db.handle.db.selectFrom('touchpoints').select('id').execute()).map((r) => r.id).sort();
    // Every other one is sent 5 minutes later: some events fall in the next month.
    for (const [i, input] of inputs.entries()) {
      if (i % 2 === 1) continue;
      const id = await touchpoints.createScheduled(db.handle.db, input);
      await touchpoints.transition(db.handle.db, id, {
        from: ['scheduled'],
        to: 'sent',
        at: new Date(input.at.getTime() + 5 * MINUTE),
        set: { sent_at: new Date(input.at.getTime() + 5 * MINUTE) },
      });
    }
  });
  afterAll(async () => {
    await db?.close();
    if (archive) rmSync(archive, { recursive: true, force: true });
  });

  it('should keep rows of months not created yet in the default partition, then move them into the months the scheduler adds', async () => {
    expect(await partitionsOf(db.handle, 'touchpoints')).toEqual({ touchpoints_default: 24 });
    const clock = new ManualClock(new Date('2030-12-15T12:00:00Z'));
    const sut = new PartitionMaintenance(clock, partitions, new SchedulerRegistry());

    expect(await sut.tick()).toEqual(['2030-12', '2031-01', '2031-02', '2031-03']);
    expect(await sut.tick()).toEqual([]);

    expect(await partitionsOf(db.handle, 'touchpoints')).toEqual({
      touchpoints_2030_12: 12,
      touchpoints_2031_01: 12,
    });
    expect(await partitionsOf(db.handle, 'touchpoint_events')).toEqual({
      touchpoint_events_2030_12: 18,
      touchpoint_events_2031_01: 18,
    });
    const after = await db.handle.db.selectFrom('touchpoints').select('id').execute();
    expect(after.map((r) => r.id).sort()).toEqual(ids);
  });

  it('should add each month once when several workers add them at the same time', async () => {
    const clock = new ManualClock(new Date('2031-03-10T00:00:00Z'));
    const workers = [1, 2, 3].map(() => new PartitionMaintenance(clock, partitions, new SchedulerRegistry()));
    const added = await Promise.all(workers.map((w) => w.tick()));
    expect(added.flat().sort()).toEqual(['2031-04', '2031-05', '2031-06']);
    const months = (await partitions.list()).filter((p) => p.table === 'touchpoints').map((p) => p.month);
    expect(months.filter((m) => m?.startsWith('2031'))).toEqual([
      '2031-01',
      '2031-02',
      '2031-03',
      '2031-04',
      '2031-05',
      '2031-06',
    ]);
  });

  it('should refuse a duplicate (enrollment, step, visit) in another month than the first', async () => {
    const first = new Date(BOUNDARY - MINUTE);
    const input = {
      enrollmentId: enrollments[0],
      stepId: 'across-months',
      customerId: 'c-0',
      journeyId: JOURNEY,
      journeyVersion: 1,
      stage: 'decision',
      channel: 'sms' as const,
      scheduledFor: first,
      at: first,
    };
    const id = await touchpoints.createScheduled(db.handle.db, input);
    const later = { ...input, at: new Date(BOUNDARY + 40 * 24 * 60 * MINUTE) };
    expect(await touchpoints.createScheduled(db.handle.db, later)).toBe(id);
    await touchpoints.createScheduledMany(db.handle.db, [later, { ...later, visit: 2 }]);

    const rows = await db.handle.db
      .selectFrom('touchpoints')
      .select(['id', 'visit', sql<string>`tableoid::regclass::text`.as('partition')])
      .where('step_id', '=', 'across-months')
      .orderBy('visit')
      .execute();
    expect(rows.map((r) => [r.visit, r.partition])).toEqual([
      [1, 'touchpoints_2030_12'],
      [2, 'touchpoints_2031_02'],
    ]);
    expect(rows[0].id).toBe(id);
    // Out of the way of the log and the stats below.
    await sql`delete from touchpoint_events where touchpoint_id in (select id from touchpoints where step_id = 'across-months')`.execute(
      db.handle.db,
    );
    await sql`delete from touchpoints where step_id = 'across-months'`.execute(db.handle.db);
  });

  async function readLog(limit: number): Promise<LoggedTouchpoint[]> {
    const all: LoggedTouchpoint[] = [];
    let cursor: TouchpointCursor | undefined;
    for (;;) {
      const page = await log.list({ journeyId: JOURNEY }, limit, cursor);
      all.push(...page);
      if (page.length < limit) return all;
      const last = page[page.length - 1];
      cursor = { createdAt: last.cursor_at, id: last.id };
    }
  }

  it('should page the log across the month boundary, every row once, newest first, with its events', async () => {
    for (const limit of [1, 5, 7, 24, 100]) {
      const rows = await readLog(limit);
      const expected = [...rows].sort(
        (a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1),
      );
      expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(rows.map((r) => r.id).sort()).toEqual(ids);
      expect(rows.filter((r) => r.created_at.getTime() < BOUNDARY)).toHaveLength(12);
      for (const [i, row] of rows.entries()) {
        const sent = row.sent_at !== null;
        expect(
          row.events.map((e) => e.status),
          `row ${i}`,
        ).toEqual(sent ? ['scheduled', 'sent'] : ['scheduled']);
      }
    }
  });

  it('should keep the stats and the later months when old months are exported and detached', async () => {
    const before = await stats(db.handle);
    expect(before.length).toBeGreaterThan(0);
    const lines: string[] = [];

    await expect(
      exportPartitions(partitions, { before: '2031-01', now: new Date(BOUNDARY - MINUTE), out: archive }),
    ).rejects.toThrow(/still being written/);
    const done = await exportPartitions(partitions, {
      before: '2031-01',
      now: new Date(BOUNDARY),
      out: archive,
      pageSize: 5,
      progress: (line) => lines.push(line),
    });

    const exported = Object.fromEntries(done.map((d) => [d.partition, d.rows]));
    expect(exported).toMatchObject({ touchpoints_2030_12: 12, touchpoint_events_2030_12: 18 });
    expect(lines.some((l) => l.includes('touchpoints_2030_12: 10 rows'))).toBe(true);
    const csv = parse(readFileSync(path.join(archive, 'touchpoints_2030_12.csv')), { columns: true }) as {
      id: string;
      created_at: string;
    }[];
    expect(csv).toHaveLength(12);
    expect(csv.every((r) => Date.parse(r.created_at) < BOUNDARY)).toBe(true);
    const events = parse(readFileSync(path.join(archive, 'touchpoint_events_2030_12.csv')), {
      columns: true,
    }) as { touchpoint_id: string; at: string }[];
    expect(events).toHaveLength(18);
    expect(events.every((e) => ids.includes(e.touchpoint_id) && Date.parse(e.at) < BOUNDARY)).toBe(true);
    // An empty month (this one, made by the migration) still has its header.
    const empty = done.find((d) => d.rows === 0 && d.partition.startsWith('touchpoints_'));
    expect(readFileSync(empty!.file, 'utf8')).toBe(`${Object.keys(csv[0]).join(',')}\n`);
    expect(existsSync(path.join(archive, 'touchpoints_2030_12.csv.partial'))).toBe(false);

    // A detach fires no delete trigger: the rollups (and their unfolded deltas) count what they counted.
    expect(await stats(db.handle)).toEqual(before);
    const rows = await readLog(5);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.created_at.getTime() >= BOUNDARY)).toBe(true);
    expect((await partitions.list()).map((p) => p.name)).not.toContain('touchpoints_2030_12');
    // Detached, not dropped: the month is still there as a table of its own.
    const { rows: kept } = await sql<{
      n: number;
    }>`select count(*)::int as n from touchpoints_2030_12`.execute(db.handle.db);
    expect(kept[0].n).toBe(12);

    // The next month too, dropped this time: the stats still count both.
    const dropped = await exportPartitions(partitions, {
      before: '2031-02',
      now: new Date('2031-02-01T00:00:00Z'),
      out: archive,
      drop: true,
    });
    expect(dropped.map((d) => [d.partition, d.rows, d.dropped])).toEqual([
      ['touchpoints_2031_01', 12, true],
      ['touchpoint_events_2031_01', 18, true],
    ]);
    const { rows: gone } = await sql<{
      t: string | null;
    }>`select to_regclass('touchpoints_2031_01')::text as t`.execute(db.handle.db);
    expect(gone[0].t).toBeNull();
    expect(await readLog(5)).toEqual([]);
    expect(await stats(db.handle)).toEqual(before);
  });
});

// The migration on a database that has rows: each lands in its month with its id, counted once.
describe.each(['postgres', 'pglite'] as const)('the partitioning migration on %s', (kind) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('should move the rows there into their months, keep their ids and counts, and keep refusing duplicates', async () => {
    await migrateUpTo(db.handle.db, '0018_answers');
    const enrollment = randomUUID();
    await seedJourney(db.handle, [enrollment]);
    const at = (minutes: number) => new Date(BOUNDARY + minutes * MINUTE);
    const carrier = randomUUID();
    const answer = randomUUID();
    const rows = [
      {
        id: carrier,
        step_id: 'a',
        created_at: at(-90 * 24 * 60),
        survey_of: null,
        channel: 'sms',
        status: 'sent',
      },
      {
        id: randomUUID(),
        step_id: 'b',
        created_at: at(-1),
        survey_of: null,
        channel: 'sms',
        status: 'scheduled',
      },
      {
        id: randomUUID(),
        step_id: 'c',
        created_at: at(0),
        survey_of: null,
        channel: 'email',
        status: 'delivered',
      },
      {
        id: answer,
        step_id: 'a',
        created_at: at(5),
        survey_of: carrier,
        channel: 'survey',
        status: 'answered',
      },
    ];
    for (const r of rows) {
      await db.handle.db
        .insertInto('touchpoints')
        .values({
          ...r,
          enrollment_id: r.survey_of ? null : enrollment,
          customer_id: 'c-1',
          journey_id: JOURNEY,
          journey_version: 1,
          stage: 'decision',
          channel: r.channel as 'sms',
          status: r.status as 'sent',
          score: r.survey_of ? 9 : null,
          updated_at: r.created_at,
        })
        .execute();
      await db.handle.db
        .insertInto('touchpoint_events')
        .values({
          touchpoint_id: r.id,
          status: r.status as 'sent',
          at: new Date(r.created_at.getTime() + MINUTE),
        })
        .execute();
    }
    const deltas = async () =>
      (await sql`select * from touchpoint_rollup_deltas order by id`.execute(db.handle.db)).rows;
    const countsBefore = await deltas();
    expect(countsBefore.length).toBeGreaterThan(0);

    expect(await migrateToLatest(db.handle.db)).toContain('0019_partitions');

    expect(await partitionsOf(db.handle, 'touchpoints')).toEqual({
      touchpoints_2030_10: 1,
      touchpoints_2030_12: 1,
      touchpoints_2031_01: 2,
    });
    const after = await db.handle.db.selectFrom('touchpoints').selectAll().orderBy('created_at').execute();
    expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(after.map((r) => r.reached)).toEqual(
      (
        await sql<{
          bit: number;
        }>`select touchpoint_status_bit(s) as bit from unnest(${rows.map((r) => r.status)}::text[]) s`.execute(
          db.handle.db,
        )
      ).rows.map((r) => r.bit),
    );
    expect(Object.values(await partitionsOf(db.handle, 'touchpoint_events')).reduce((a, b) => a + b)).toBe(4);
    // The copy fired no rollup trigger: nothing counted twice.
    expect(await deltas()).toEqual(countsBefore);

    // The guards came along: the same step is not scheduled again, the same link not answered again.
    const touchpoints = new TouchpointRepository(db.handle.db);
    const again = await touchpoints.createScheduled(db.handle.db, {
      enrollmentId: enrollment,
      stepId: 'b',
      customerId: 'c-1',
      journeyId: JOURNEY,
      journeyVersion: 1,
      stage: 'decision',
      channel: 'sms',
      scheduledFor: at(60 * 24 * 60),
      at: at(60 * 24 * 60),
    });
    expect(again).toBe(rows[1].id);
    const answers = new SurveyAnswerRepository(db.handle.db);
    const found = await answers.findCarrier(carrier);
    expect(found).toBeDefined();
    expect(await answers.record(found!, { score: 3 }, at(10))).toBe('answered');
    const { rows: total } = await sql<{ n: number }>`select count(*)::int as n from touchpoints`.execute(
      db.handle.db,
    );
    expect(total[0].n).toBe(4);
  });
});
