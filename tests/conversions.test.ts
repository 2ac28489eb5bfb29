import {
  AnalyticsRepository,
  EnrollmentRepository,
  EventRepository,
  migrateToLatest,
  MIGRATION_BACKFILLS,
  openDatabase,
  TouchpointRepository,
  type DatabaseHandle,
  type StatsScope,
} from '@touchpoint/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT, fuzzOptions } from './support/fuzz';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const BASE = Date.parse('2026-11-20T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CUSTOMERS = ['c-1', 'c-2'];
const CHANNELS = ['sms', 'email', 'push'] as const;
/** Journey 0 keeps one goal across versions (the report's goal is then every version's); journey 1 changes it. */
const JOURNEYS = [
  { id: randomUUID(), stage: 'decision', goals: { 1: ['order', 'PT6H'], 2: ['order', 'PT6H'] } },
  { id: randomUUID(), stage: 'retention', goals: { 1: ['order', 'PT2H'], 2: ['signup', 'P1D'] } },
] as const;

type Op =
  | {
      op: 'send';
      journey: number;
      version: 1 | 2;
      customer: number;
      step: string;
      channel: string;
      lag: number;
    }
  | { op: 'unsent'; journey: number; customer: number }
  | { op: 'event'; customer: number; name: string; late: number }
  | { op: 'reprocess'; pick: number }
  | { op: 'variant'; journey: number; customer: number; variant: string };

const op: fc.Arbitrary<{ advance: number; o: Op }> = fc.record({
  // Minutes since the previous op: 0 makes ties between a send and an event.
  advance: fc.constantFrom(0, 0, 1, 30, 90, 7 * 60, 26 * 60),
  // Sends and events weigh most: an event right after a send (ties, windows) comes up often.
  o: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('send' as const),
        journey: fc.nat(1),
        version: fc.constantFrom(1 as const, 2 as const),
        customer: fc.nat(CUSTOMERS.length - 1),
        step: fc.constantFrom('a', 'b'),
        channel: fc.constantFrom(...CHANNELS),
        lag: fc.constantFrom(0, 5, 3 * 60),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('unsent' as const),
        journey: fc.nat(1),
        customer: fc.nat(CUSTOMERS.length - 1),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('event' as const),
        customer: fc.nat(CUSTOMERS.length - 1),
        name: fc.constantFrom('order', 'order', 'signup', 'page_view'),
        // Minutes in the past it happened: an event received (and processed) late.
        late: fc.constantFrom(0, 0, 45, 5 * 60),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reprocess' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('variant' as const),
        journey: fc.nat(1),
        customer: fc.nat(CUSTOMERS.length - 1),
        variant: fc.constantFrom('A', 'B'),
      }),
    },
  ),
});

const instant = fc.integer({ min: 0, max: 4 * 24 }).map((h) => new Date(BASE + h * HOUR));
const range = fc
  .record({ from: fc.option(instant, { nil: undefined }), to: fc.option(instant, { nil: undefined }) })
  .filter((r) => !r.from || !r.to || r.from < r.to);

const enrollmentOf = (journey: number, customer: number) =>
  `00000000-0000-4000-8000-0000000000${journey}${customer}`;

// The conversions the worker records as events come equal the raw-SQL attribution the reports ran before
// (lead() over the touchpoints joined to the events), after any history of sends, events and splits.
describe.each(['postgres', 'pglite'] as const)('recorded conversions on %s', (kind) => {
  let handle: DatabaseHandle;
  let testDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  let touchpoints: TouchpointRepository;
  let events: EventRepository;
  let enrollments: EnrollmentRepository;
  let sut: AnalyticsRepository;

  beforeAll(async () => {
    if (kind === 'postgres') testDb = await createTestDatabase();
    else dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-conversions-'));
    handle = await openDatabase({ databaseUrl: testDb?.url, dataDir: dataDir ?? '' });
    await migrateToLatest(handle.db);
    touchpoints = new TouchpointRepository(handle.db);
    events = new EventRepository(handle.db);
    enrollments = new EnrollmentRepository(handle.db);
    sut = new AnalyticsRepository(handle.db);
    const at = new Date(BASE);
    for (const j of JOURNEYS) {
      await handle.db
        .insertInto('journeys')
        .values({ id: j.id, name: j.id, status: 'active', version: 2, created_at: at, updated_at: at })
        .execute();
      for (const [version, [event, within]] of Object.entries(j.goals)) {
        await handle.db
          .insertInto('journey_versions')
          .values({
            journey_id: j.id,
            version: Number(version),
            definition: JSON.stringify({ stage: j.stage, goal: { event, within } }),
            trigger_event: 'cart_abandoned',
            exit_on: [],
            created_at: at,
            created_by: 'test',
          })
          .execute();
      }
    }
  });
  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The report's attribution before migration 0012, for one journey and its goal. */
  async function rawConversions(scope: StatsScope, goal: { event: string; within: string }) {
    const filters = sql.join(
      [
        sql`s.journey_id = ${scope.journeyId}::uuid`,
        ...(scope.version !== undefined ? [sql`s.journey_version = ${scope.version}`] : []),
        ...(scope.from ? [sql`s.created_at >= ${scope.from}`] : []),
        ...(scope.to ? [sql`s.created_at < ${scope.to}`] : []),
      ],
      sql` and `,
    );
    const { rows } = await sql<Record<string, unknown>>`
      with sent as (
        select t.id, t.step_id, t.channel, t.journey_id, t.journey_version, t.enrollment_id, t.created_at,
               t.customer_id, t.sent_at,
               lead(t.sent_at) over (partition by t.customer_id order by t.sent_at, t.id) as next_sent_at
        from touchpoints t
        where t.journey_id = ${scope.journeyId}::uuid and t.sent_at is not null and t.channel <> 'survey'
      ), attributed as (
        select s.id, s.step_id, s.channel, s.enrollment_id
        from sent s
        join events ev on ev.customer_id = s.customer_id and ev.name = ${goal.event}
          and ev.occurred_at > s.sent_at
          and ev.occurred_at <= s.sent_at + ${goal.within}::interval
          and (s.next_sent_at is null or ev.occurred_at <= s.next_sent_at)
        where ${filters}
      )
      select grouping(x.step_id, x.channel, en.variant) as g, x.step_id, x.channel, en.variant,
             count(*)::int as conversions, count(distinct x.id)::int as converted
      from attributed x left join enrollments en on en.id = x.enrollment_id
      group by grouping sets ((), (x.channel), (x.step_id, x.channel), (en.variant))`.execute(handle.db);
    return rows;
  }

  /** The stages page's converted touchpoints per stage and channel before migration 0012. */
  async function rawStageConversions(from: Date, to: Date) {
    const { rows } = await sql<{ stage: string; channel: string; converted: number }>`
      with sent as (
        select t.id, t.customer_id, t.sent_at,
               v.definition->'goal'->>'event' as goal_event,
               (v.definition->'goal'->>'within')::interval as goal_within,
               lead(t.sent_at) over (partition by t.journey_id, t.customer_id order by t.sent_at, t.id) as next_sent_at
        from touchpoints t
        join journey_versions v on v.journey_id = t.journey_id and v.version = t.journey_version
        where t.sent_at is not null and t.channel <> 'survey' and t.sent_at >= ${from}
      ), converted as (
        select distinct s.id from sent s
        join events ev on ev.customer_id = s.customer_id and ev.name = s.goal_event
          and ev.occurred_at > s.sent_at and ev.occurred_at <= s.sent_at + s.goal_within
          and (s.next_sent_at is null or ev.occurred_at <= s.next_sent_at)
      )
      select t.stage, t.channel, count(*)::int as converted
      from converted c join touchpoints t on t.id = c.id
      where t.created_at >= ${from} and t.created_at < ${to}
      group by t.stage, t.channel`.execute(handle.db);
    return Object.fromEntries(rows.map((r) => [`${r.stage}|${r.channel}`, r.converted]));
  }

  const sorted = (rows: object[]) =>
    rows
      .map((r) =>
        JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
      )
      .sort();

  /** Treated enrollments with a goal event within the window after enrolling: the join before 0017. */
  async function rawConvertedEnrollments(scope: StatsScope, goal: { event: string; within: string }) {
    const filters = sql.join(
      [
        sql`en.journey_id = ${scope.journeyId}::uuid`,
        ...(scope.version !== undefined ? [sql`en.journey_version = ${scope.version}`] : []),
        ...(scope.from ? [sql`en.enrolled_at >= ${scope.from}`] : []),
        ...(scope.to ? [sql`en.enrolled_at < ${scope.to}`] : []),
      ],
      sql` and `,
    );
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from enrollments en
      where ${filters} and en.status <> 'holdout' and exists (
        select 1 from events ev where ev.customer_id = en.customer_id and ev.name = ${goal.event}
          and ev.occurred_at > en.enrolled_at and ev.occurred_at <= en.enrolled_at + ${goal.within}::interval)`.execute(
      handle.db,
    );
    return rows[0].n;
  }

  async function convertedAt() {
    const { rows } = await sql<{ id: string; converted_at: Date | null }>`
      select id, converted_at from enrollments order by id`.execute(handle.db);
    return rows;
  }

  async function recorded() {
    const { rows } = await sql<{ event_id: string; touchpoint_id: string }>`
      select event_id, touchpoint_id from conversions order by 1, 2`.execute(handle.db);
    return rows;
  }

  async function run(ops: { advance: number; o: Op }[], ranges: { from?: Date; to?: Date }[]) {
    await sql`truncate conversions, touchpoint_events, touchpoints, touchpoint_keys, touchpoint_answer_keys, enrollments, events,
      touchpoint_rollups,
      touchpoint_rollup_deltas cascade`.execute(handle.db);
    await handle.db
      .insertInto('enrollments')
      .values(
        JOURNEYS.flatMap((j, journey) =>
          CUSTOMERS.map((customer, c) => ({
            id: enrollmentOf(journey, c),
            journey_id: j.id,
            journey_version: 1,
            customer_id: customer,
            status: 'active' as const,
            enrolled_at: new Date(BASE),
          })),
        ),
      )
      .execute();
    let clock = BASE;
    let visit = 0;
    const processed: string[] = [];
    for (const { advance, o } of ops) {
      clock += advance * MINUTE;
      const now = new Date(clock);
      switch (o.op) {
        case 'send':
        case 'unsent': {
          const id = await createTouchpoint(o, ++visit, now);
          if (o.op === 'send') {
            await handle.db
              .updateTable('touchpoints')
              .set({ status: 'sent', sent_at: now })
              .where('id', '=', id)
              .execute();
          }
          break;
        }
        case 'event': {
          const id = `evt-${randomUUID()}`;
          const occurred = new Date(clock - o.late * MINUTE);
          await handle.db
            .insertInto('events')
            .values({
              id,
              customer_id: CUSTOMERS[o.customer],
              name: o.name,
              properties: '{}',
              occurred_at: occurred,
              received_at: now,
              processed_at: now,
            })
            .execute();
          // What the worker does with the claim, in its transaction.
          await handle.db.transaction().execute(async (trx) => {
            await events.recordConversions(trx, [id]);
            await enrollments.recordConversions(trx, [CUSTOMERS[o.customer]]);
          });
          processed.push(id);
          break;
        }
        case 'reprocess':
          if (processed.length > 0) {
            await events.recordConversions(handle.db, [processed[o.pick % processed.length]]);
            await enrollments.recordConversions(handle.db, CUSTOMERS);
          }
          break;
        case 'variant':
          await handle.db
            .updateTable('enrollments')
            .set({ variant: o.variant })
            .where('id', '=', enrollmentOf(o.journey, o.customer))
            .execute();
          break;
      }
    }

    const [journey] = JOURNEYS;
    const goal = { event: journey.goals[1][0], within: journey.goals[1][1] };
    for (const r of [{}, ...ranges]) {
      for (const version of [undefined, 1, 2]) {
        const scope = { journeyId: journey.id, version, ...r };
        const now = await sut.conversions(scope);
        const raw = (await rawConversions(scope, goal)).map((x) => ({
          by: x.g,
          stepId: x.step_id,
          channel: x.channel,
          variant: x.variant,
          conversions: x.conversions,
          converted: x.converted,
        }));
        const bits = { 7: 'all', 5: 'channel', 1: 'step' } as Record<number, string>;
        expect(sorted(now)).toEqual(sorted(raw.map((x) => ({ ...x, by: bits[Number(x.by)] ?? 'variant' }))));
      }
    }
    for (const r of [{}, ...ranges] as { from?: Date; to?: Date }[]) {
      const from = r.from ?? new Date(BASE);
      const to = r.to ?? new Date(BASE + 30 * 24 * HOUR);
      const stages = await sut.stages(from, to);
      const now = Object.fromEntries(
        stages.filter((s) => s.converted > 0).map((s) => [`${s.stage}|${s.channel}`, s.converted]),
      );
      expect(now).toEqual(await rawStageConversions(from, to));
    }

    // Converted enrollments, as the worker marks them, equal the join the report ran before 0017.
    for (const r of [{}, ...ranges]) {
      for (const version of [undefined, 1, 2]) {
        const scope = { journeyId: journey.id, version, ...r };
        const marked = await sut.enrollments(scope, goal);
        expect(marked.find((x) => x.variant === null)?.converted ?? 0).toBe(
          await rawConvertedEnrollments(scope, goal),
        );
      }
    }
    // The migration's backfill marks the same enrollments the worker did.
    const marks = await convertedAt();
    await sql`update enrollments set converted_at = null`.execute(handle.db);
    await MIGRATION_BACKFILLS.enrollmentConversions(handle.db);
    expect(await convertedAt()).toEqual(marks);

    // The migration's backfill attributes the same pairs the worker recorded.
    const before = await recorded();
    await sql`truncate conversions`.execute(handle.db);
    await MIGRATION_BACKFILLS.conversions(handle.db);
    expect(await recorded()).toEqual(before);
  }

  async function createTouchpoint(
    o: { journey: number; customer: number } & Partial<Op>,
    visit: number,
    now: Date,
  ) {
    const send = o as Partial<Extract<Op, { op: 'send' }>>;
    const journey = JOURNEYS[o.journey];
    const created = new Date(now.getTime() - (send.lag ?? 0) * MINUTE);
    await touchpoints.createScheduledMany(handle.db, [
      {
        enrollmentId: enrollmentOf(o.journey, o.customer),
        stepId: send.step ?? 'a',
        visit,
        customerId: CUSTOMERS[o.customer],
        journeyId: journey.id,
        journeyVersion: send.version ?? 1,
        stage: journey.stage,
        channel: (send.channel ?? 'sms') as 'sms',
        scheduledFor: created,
        at: created,
      },
    ]);
    const row = await handle.db
      .selectFrom('touchpoints')
      .select('id')
      .where('enrollment_id', '=', enrollmentOf(o.journey, o.customer))
      .where('visit', '=', visit)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it(
    'should count the conversions the raw attribution gives, whatever sends, late events, re-processing and splits came before',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 1, maxLength: 30 }),
          fc.array(range, { maxLength: 3 }),
          run,
        ),
        fuzzOptions(kind === 'postgres' ? 40 : 10),
      );
    },
    FUZZ_TIMEOUT,
  );

  it('should attribute an order to the last touchpoint sent before it, not one sent at the same instant, once however often it is processed, under the variant a later split gives', async () => {
    await run(
      [
        {
          advance: 0,
          o: { op: 'send', journey: 0, version: 1, customer: 0, step: 'a', channel: 'sms', lag: 0 },
        },
        {
          advance: 30,
          o: { op: 'send', journey: 0, version: 2, customer: 0, step: 'b', channel: 'email', lag: 5 },
        },
        { advance: 0, o: { op: 'event', customer: 0, name: 'order', late: 0 } },
        { advance: 1, o: { op: 'reprocess', pick: 0 } },
        // The split comes after the conversion: the conversion counts under the variant.
        { advance: 1, o: { op: 'variant', journey: 0, customer: 0, variant: 'A' } },
      ],
      [],
    );
    const rows = await sut.conversions({ journeyId: JOURNEYS[0].id });
    expect(rows.find((r) => r.by === 'all')).toMatchObject({ conversions: 1, converted: 1 });
    expect(rows.find((r) => r.by === 'step')).toMatchObject({ stepId: 'a', channel: 'sms', conversions: 1 });
    expect(rows.find((r) => r.by === 'variant')).toMatchObject({ variant: 'A', conversions: 1 });
  });
});
