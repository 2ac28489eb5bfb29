import {
  EnrollmentRepository,
  migrateToLatest,
  MIGRATION_BACKFILLS,
  openDatabase,
  RollupRepository,
  rollupSource,
  ROLLUP_DIMENSIONS,
  STATUS_BITS,
  SurveyAnswerRepository,
  TouchpointRepository,
  TOUCHPOINT_STATUSES,
  type DatabaseHandle,
  type TouchpointStatus,
} from '@touchpoint/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const JOURNEYS = [randomUUID(), randomUUID()];
const ENROLLMENTS = Array.from({ length: 4 }, () => randomUUID());
const BASE = Date.parse('2026-11-20T00:00:00Z');
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHANNELS = ['sms', 'email', 'push'] as const;
const ERRORS = [null, 'frequency_cap', 'no_consent', '30003'];

/** A moment in three days, on hour and day boundaries and between them. */
const instant = fc
  .record({
    day: fc.integer({ min: 0, max: 2 }),
    hour: fc.constantFrom(0, 1, 13, 23),
    minute: fc.constantFrom(0, 1, 59),
  })
  .map(({ day, hour, minute }) => new Date(BASE + day * 24 * HOUR + hour * HOUR + minute * MINUTE));

const created = fc.record({
  journey: fc.nat(JOURNEYS.length - 1),
  version: fc.constantFrom(1, 2),
  step: fc.constantFrom('a', 'b', 'c'),
  channel: fc.constantFrom(...CHANNELS),
  enrollment: fc.option(fc.nat(ENROLLMENTS.length - 1), { nil: null }),
  at: instant,
});

type Created = typeof created extends fc.Arbitrary<infer T> ? T : never;

type Op =
  | { op: 'create'; rows: Created[] }
  | {
      op: 'move';
      picks: number[];
      to: TouchpointStatus;
      error: string | null;
      sent: boolean;
      batched: boolean;
    }
  | { op: 'variant'; enrollment: number; variant: string }
  | { op: 'answer'; pick: number; score: number }
  | { op: 'fold'; limit: number; twice: boolean }
  | { op: 'rolledBack'; pick: number; to: TouchpointStatus };

const status = fc.constantFrom(...TOUCHPOINT_STATUSES.filter((s) => s !== 'answered'));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), rows: fc.array(created, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    op: fc.constant('move' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    to: status,
    error: fc.constantFrom(...ERRORS),
    sent: fc.boolean(),
    batched: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('variant' as const),
    enrollment: fc.nat(ENROLLMENTS.length - 1),
    variant: fc.constantFrom('A', 'B'),
  }),
  fc.record({ op: fc.constant('answer' as const), pick: fc.nat(), score: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ op: fc.constant('fold' as const), limit: fc.integer({ min: 1, max: 8 }), twice: fc.boolean() }),
  fc.record({ op: fc.constant('rolledBack' as const), pick: fc.nat(), to: status }),
);

const range = fc.record({
  from: fc.option(instant, { nil: undefined }),
  to: fc.option(instant, { nil: undefined }),
});

// The rollups count every touchpoint under the same key as a recount of the raw rows, after any history.
describe.each(['postgres', 'pglite'] as const)('touchpoint rollups on %s', (kind) => {
  let handle: DatabaseHandle;
  let testDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  let touchpoints: TouchpointRepository;
  let enrollments: EnrollmentRepository;
  let answers: SurveyAnswerRepository;
  let sut: RollupRepository;

  beforeAll(async () => {
    if (kind === 'postgres') testDb = await createTestDatabase();
    else dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-rollups-'));
    handle = await openDatabase({ databaseUrl: testDb?.url, dataDir: dataDir ?? '' });
    await migrateToLatest(handle.db);
    touchpoints = new TouchpointRepository(handle.db);
    enrollments = new EnrollmentRepository(handle.db);
    answers = new SurveyAnswerRepository(handle.db);
    sut = new RollupRepository(handle.db);
    for (const id of JOURNEYS) {
      await handle.db
        .insertInto('journeys')
        .values({
          id,
          name: id,
          status: 'active',
          version: 2,
          created_at: new Date(BASE),
          updated_at: new Date(BASE),
        })
        .execute();
    }
  });
  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const dims = sql.raw(ROLLUP_DIMENSIONS.join(', '));
  /** Per UTC day and key, sorted: from the rollups, and recounted from the rows. */
  async function counts(from?: Date, to?: Date) {
    const day = sql`date_trunc('day', bucket at time zone 'UTC')`;
    const { rows: rolled } = await sql<Record<string, unknown>>`
      select ${day} as day, ${dims}, sum(n)::int as n from (${rollupSource({ from, to })}) s
      group by 1, ${dims} having sum(n) <> 0 order by 1, ${dims}`.execute(handle.db);
    const { rows: raw } = await sql<Record<string, unknown>>`
      select day, ${dims}, count(*)::int as n from (
        select date_trunc('day', t.created_at at time zone 'UTC') as day, t.journey_id, t.journey_version,
               t.step_id, en.variant, t.channel, t.stage, t.status, t.reached, t.sent_at is not null as sent,
               t.error, coalesce(t.score, a.score)::smallint as score
        from touchpoints t
        left join enrollments en on en.id = t.enrollment_id
        left join touchpoints a on a.survey_of = t.id
        where ${from ? sql`t.created_at >= ${from}` : sql`true`} and ${to ? sql`t.created_at < ${to}` : sql`true`}) r
      group by day, ${dims} order by day, ${dims}`.execute(handle.db);
    const tidy = (rows: Record<string, unknown>[]) =>
      rows.map((r) =>
        JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
      );
    return { rolled: tidy(rolled).sort(), raw: tidy(raw).sort() };
  }

  async function run(ops: Op[], ranges: { from?: Date; to?: Date }[]) {
    await sql`truncate touchpoint_events, touchpoints, touchpoint_keys, touchpoint_answer_keys, enrollments, touchpoint_rollups, touchpoint_rollup_deltas cascade`.execute(
      handle.db,
    );
    for (const id of ENROLLMENTS) {
      await handle.db
        .insertInto('enrollments')
        .values({
          id,
          journey_id: JOURNEYS[0],
          journey_version: 1,
          customer_id: `c-${id}`,
          status: 'active',
          enrolled_at: new Date(BASE),
        })
        .execute();
    }
    let ids: string[] = [];
    const pick = (n: number) => ids[n % ids.length];
    let visit = 0;
    for (const o of ops) {
      switch (o.op) {
        case 'create':
          await touchpoints.createScheduledMany(
            handle.db,
            o.rows.map((r) => ({
              enrollmentId: r.enrollment === null ? (null as unknown as string) : ENROLLMENTS[r.enrollment],
              stepId: r.step,
              visit: ++visit,
              customerId: 'c-1',
              journeyId: JOURNEYS[r.journey],
              journeyVersion: r.version,
              stage: r.journey === 0 ? 'decision' : 'retention',
              channel: r.channel,
              scheduledFor: r.at,
              at: r.at,
            })),
          );
          ids = (
            await handle.db
              .selectFrom('touchpoints')
              .select('id')
              .where('channel', '!=', 'survey')
              .orderBy('id')
              .execute()
          ).map((r) => r.id);
          break;
        case 'move': {
          if (ids.length === 0) break;
          const set = { error: o.error, ...(o.sent ? { sent_at: new Date(BASE) } : {}) };
          const chosen = [...new Set(o.picks.map(pick))];
          if (o.batched)
          // Outside a transaction the repository folds concurrent moves into one statement.
          {
            await Promise.all(
              chosen.map((id) =>
                touchpoints.transition(handle.db, id, {
                  from: [...TOUCHPOINT_STATUSES],
                  to: o.to,
                  at: new Date(BASE),
                  set,
                }),
              ),
            );
          } else {
            await handle.db
              .updateTable('touchpoints')
              .set({ ...set, status: o.to })
              .where('id', 'in', chosen)
              .execute();
          }
          break;
        }
        case 'variant':
          await enrollments.setVariant(handle.db, ENROLLMENTS[o.enrollment], o.variant);
          break;
        case 'answer': {
          if (ids.length === 0) break;
          const carrier = await answers.findCarrier(pick(o.pick));
          if (carrier) await answers.record(carrier, { score: o.score }, new Date(BASE + 30 * MINUTE));
          break;
        }
        case 'fold':
          await (o.twice ? Promise.all([sut.fold(o.limit), sut.fold(o.limit)]) : sut.fold(o.limit));
          break;
        case 'rolledBack':
          if (ids.length === 0) break;
          await handle.db
            .transaction()
            .execute(async (trx) => {
              await touchpoints.transition(trx, pick(o.pick), {
                from: [...TOUCHPOINT_STATUSES],
                to: o.to,
                at: new Date(BASE),
              });
              throw new Error('rolled back');
            })
            .catch(() => undefined);
          break;
      }
    }
    for (const r of [{}, ...ranges]) {
      const { rolled, raw } = await counts(r.from, r.to);
      expect(rolled).toEqual(raw);
    }
    await sut.foldAll();
    const all = await counts();
    expect(all.rolled).toEqual(all.raw);
    const left = await sql<{ n: number }>`select count(*)::int as n from touchpoint_rollup_deltas`.execute(
      handle.db,
    );
    expect(left.rows[0].n).toBe(0);
  }

  it('should count every touchpoint under the key a recount gives, whatever moves, answers, splits and folds came before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.array(
          range.filter((r) => !r.from || !r.to || r.from < r.to),
          { maxLength: 3 },
        ),
        run,
      ),
      { numRuns: kind === 'postgres' ? 60 : 15 },
    );
  }, 240_000);

  it('should take the same bit for each status as the database sets in reached', async () => {
    const { rows } = await sql<{ status: string; bit: number }>`
      select s as status, touchpoint_status_bit(s) as bit
      from unnest(${[...STATUS_BITS, 'no-such-status']}::text[]) s`.execute(handle.db);
    expect(rows).toEqual([
      ...STATUS_BITS.map((status, i) => ({ status, bit: 1 << i })),
      { status: 'no-such-status', bit: 0 },
    ]);
  });

  it('should count the rows already there when the migration runs (the backfill)', async () => {
    // A history of its own, so the test does not lean on rows another test left behind.
    await run(
      [
        {
          op: 'create',
          rows: [
            { journey: 0, version: 1, step: 'a', channel: 'sms', enrollment: 0, at: new Date(BASE) },
            {
              journey: 1,
              version: 2,
              step: 'b',
              channel: 'email',
              enrollment: null,
              at: new Date(BASE + 25 * HOUR),
            },
          ],
        },
        { op: 'move', picks: [0], to: 'sent', error: null, sent: true, batched: true },
      ],
      [],
    );
    await sql`truncate touchpoint_rollups, touchpoint_rollup_deltas`.execute(handle.db);
    await MIGRATION_BACKFILLS.rollups(handle.db);
    const { rolled, raw } = await counts();
    expect(raw.length).toBeGreaterThan(0);
    expect(rolled).toEqual(raw);
  });
});
