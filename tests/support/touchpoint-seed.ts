import type { Database } from '@touchpoint/core';
import { type Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';

/** A generated touchpoint log: what was inserted, so tests can count by hand what a query should return. */
export interface SeededTouchpoint {
  id: string;
  customerId: string;
  journeyId: string;
  journeyVersion: number;
  stepId: string;
  stage: string;
  channel: 'sms' | 'email' | 'push';
  status: string;
  createdAt: Date;
  /** The exact stored timestamp, with microseconds (a JS Date keeps milliseconds). */
  createdAtText: string;
}

export interface SeedOptions {
  count: number;
  journeys?: number;
  customers?: number;
  /** Newest row's time; rows go back from here a few seconds apart, several sharing one instant. */
  newest?: Date;
  /** Also one enrollment per touchpoint and its status trail in touchpoint_events (the benchmark wants them). */
  withTrails?: boolean;
  /** Rows per INSERT: one statement of unnest()ed arrays, so a batch is one round trip. */
  batch?: number;
  seed?: number;
  onProgress?: (inserted: number) => void;
}

export interface SeededLog {
  journeyIds: string[];
  rows: SeededTouchpoint[];
}

export const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'retention', 'advocacy'];
export const STEPS = [
  { id: 'sms-1', channel: 'sms' },
  { id: 'email-1', channel: 'email' },
  { id: 'push-1', channel: 'push' },
  { id: 'sms-2', channel: 'sms' },
] as const;
/** Weighted like a real log: most messages sent or delivered, a few failing, a few not sent. */
const STATUS_WEIGHTS: [string, number][] = [
  ['delivered', 40],
  ['sent', 15],
  ['opened', 10],
  ['clicked', 5],
  ['scheduled', 8],
  ['failed', 4],
  ['bounced', 2],
  ['suppressed', 6],
  ['cancelled', 5],
  ['unknown', 1],
  ['unsubscribed', 1],
  ['sending', 3],
];
const TRAILS: Record<string, string[]> = {
  scheduled: ['scheduled'],
  sending: ['scheduled', 'sending'],
  sent: ['scheduled', 'sending', 'sent'],
  delivered: ['scheduled', 'sending', 'sent', 'delivered'],
  opened: ['scheduled', 'sending', 'sent', 'delivered', 'opened'],
  clicked: ['scheduled', 'sending', 'sent', 'delivered', 'opened', 'clicked'],
  unsubscribed: ['scheduled', 'sending', 'sent', 'delivered', 'unsubscribed'],
  failed: ['scheduled', 'sending', 'failed'],
  bounced: ['scheduled', 'sending', 'sent', 'bounced'],
  suppressed: ['scheduled', 'suppressed'],
  cancelled: ['scheduled', 'cancelled'],
  unknown: ['scheduled', 'sending', 'unknown'],
};
const SENT = new Set(['sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'bounced']);
const DELIVERED = new Set(['delivered', 'opened', 'clicked', 'unsubscribed']);

/** mulberry32: a seeded generator, so a failing count can be reproduced. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(r: number, weights: [string, number][]): string {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  let point = r * total;
  for (const [value, w] of weights) {
    if (point < w) return value;
    point -= w;
  }
  return weights[weights.length - 1][0];
}

/** `2026-11-22T09:30:00.123456Z` from milliseconds and extra microseconds. */
function isoMicros(ms: number, micros: number): string {
  return new Date(ms).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);
}

/**
 * `count` journeys named `Seeded journey <i>`, each at version 2 (and 1), with the four send steps (after
 * `before`, a split or anything else), a stage by turn and an `order_completed` goal; returns their ids.
 */
export async function seedJourneys(
  db: Kysely<Database>,
  count: number,
  created: Date,
  before: Record<string, unknown>[] = [],
): Promise<string[]> {
  const journeyIds = Array.from({ length: count }, () => randomUUID());
  for (const [i, id] of journeyIds.entries()) {
    await db
      .insertInto('journeys')
      .values({
        id,
        name: `Seeded journey ${i}`,
        status: 'active',
        version: 2,
        created_at: created,
        updated_at: created,
      })
      .execute();
    for (const version of [1, 2]) {
      const definition = {
        name: `Seeded journey ${i}`,
        stage: STAGES[i % STAGES.length],
        trigger: { event: `seed_${i}` },
        exitOn: [],
        goal: { event: 'order_completed', within: 'P7D' },
        steps: [
          ...before,
          ...STEPS.map((s) => ({ id: s.id, type: 'send', channel: s.channel, template: { body: 'x' } })),
        ],
      };
      await db
        .insertInto('journey_versions')
        .values({
          journey_id: id,
          version,
          definition: JSON.stringify(definition),
          trigger_event: definition.trigger.event,
          exit_on: [],
          created_at: created,
          created_by: 'seed',
        })
        .execute();
    }
  }
  return journeyIds;
}

/**
 * Inserts `count` generated touchpoints (and their journeys) with multi-row inserts of unnest()ed arrays,
 * returning what it inserted. 100,000 rows take a few seconds; a million, a minute or so.
 */
export async function seedTouchpointLog(db: Kysely<Database>, options: SeedOptions): Promise<SeededLog> {
  const rand = random(options.seed ?? 42);
  const journeyCount = options.journeys ?? 8;
  const customerCount = options.customers ?? Math.max(10, Math.floor(options.count / 10));
  const newest = (options.newest ?? new Date()).getTime();
  const batch = options.batch ?? 20_000;
  const created = new Date(newest - options.count * 1000);

  const journeyIds = await seedJourneys(db, journeyCount, created);

  const rows: SeededTouchpoint[] = [];
  let pending: SeededTouchpoint[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await insertBatch(db, pending, options.withTrails ?? false, rand);
    pending = [];
    options.onProgress?.(rows.length);
  };
  for (let i = 0; i < options.count; i++) {
    const j = Math.floor(rand() * journeyCount);
    const step = STEPS[Math.floor(rand() * STEPS.length)];
    // Three rows share each second, and some of those share the millisecond too: the id breaks ties.
    const ms = newest - Math.floor(i / 3) * 1000 - (rand() < 0.5 ? 0 : Math.floor(rand() * 999));
    const micros = rand() < 0.5 ? 0 : Math.floor(rand() * 1000);
    const status = pickWeighted(rand(), STATUS_WEIGHTS);
    const row: SeededTouchpoint = {
      id: randomUUID(),
      customerId: `c-${Math.floor(rand() * customerCount)}`,
      journeyId: journeyIds[j],
      journeyVersion: rand() < 0.3 ? 1 : 2,
      stepId: step.id,
      stage: STAGES[j % STAGES.length],
      channel: step.channel,
      status,
      createdAt: new Date(ms),
      createdAtText: isoMicros(ms, micros),
    };
    rows.push(row);
    pending.push(row);
    if (pending.length >= batch) await flush();
  }
  await flush();
  return { journeyIds, rows };
}

async function insertBatch(
  db: Kysely<Database>,
  rows: SeededTouchpoint[],
  withTrails: boolean,
  rand: () => number,
): Promise<void> {
  const col = <T>(f: (r: SeededTouchpoint) => T) => rows.map(f);
  const enrollmentIds = withTrails ? rows.map(() => randomUUID()) : rows.map(() => null);
  if (withTrails) {
    const variants = rows.map(() => (rand() < 0.5 ? 'A' : 'B'));
    await sql`
      insert into enrollments (id, journey_id, journey_version, customer_id, status, variant, enrolled_at)
      select e.id, e.journey_id, e.journey_version, e.customer_id, 'completed', e.variant, e.at - interval '1 hour'
      from unnest(${enrollmentIds}::uuid[], ${col((r) => r.journeyId)}::uuid[], ${col((r) => r.journeyVersion)}::int[],
                  ${col((r) => r.customerId)}::text[], ${variants}::text[], ${col((r) => r.createdAtText)}::timestamptz[])
           as e(id, journey_id, journey_version, customer_id, variant, at)`.execute(db);
  }
  const to = col((r) => (r.channel === 'sms' ? `+98912${r.customerId.slice(2).padStart(7, '0')}` : null));
  await sql`
    insert into touchpoints (id, enrollment_id, step_id, customer_id, journey_id, journey_version, stage, channel,
                             status, reached, "to", provider, scheduled_for, sent_at, delivered_at, error, created_at,
                             updated_at)
    select t.id, t.enrollment_id, t.step_id, t.customer_id, t.journey_id, t.journey_version, t.stage, t.channel,
           t.status, (select bit_or(touchpoint_status_bit(s)) from unnest(string_to_array(t.trail, ',')) s),
           t.to_, 'sandbox', t.at,
           case when t.sent then t.at + interval '2 seconds' end,
           case when t.delivered then t.at + interval '5 seconds' end,
           case t.status when 'suppressed' then 'no_consent' when 'failed' then '30003' end,
           t.at, t.at
    from unnest(${col((r) => r.id)}::uuid[], ${enrollmentIds}::uuid[], ${col((r) => r.stepId)}::text[],
                ${col((r) => r.customerId)}::text[], ${col((r) => r.journeyId)}::uuid[],
                ${col((r) => r.journeyVersion)}::int[], ${col((r) => r.stage)}::text[], ${col((r) => r.channel)}::text[],
                ${col((r) => r.status)}::text[], ${to}::text[], ${col((r) => r.createdAtText)}::timestamptz[],
                ${col((r) => SENT.has(r.status))}::bool[], ${col((r) => DELIVERED.has(r.status))}::bool[],
                ${col((r) => TRAILS[r.status].join(','))}::text[])
         as t(id, enrollment_id, step_id, customer_id, journey_id, journey_version, stage, channel, status, to_, at,
              sent, delivered, trail)`.execute(db);
  if (withTrails) {
    const ids: string[] = [];
    const statuses: string[] = [];
    const offsets: number[] = [];
    const ats: string[] = [];
    for (const r of rows) {
      TRAILS[r.status].forEach((s, k) => {
        ids.push(r.id);
        statuses.push(s);
        offsets.push(k);
        ats.push(r.createdAtText);
      });
    }
    await sql`
      insert into touchpoint_events (touchpoint_id, status, at)
      select e.id, e.status, e.at + e.k * interval '1 second'
      from unnest(${ids}::uuid[], ${statuses}::text[], ${offsets}::int[], ${ats}::timestamptz[]) as e(id, status, k, at)`.execute(
      db,
    );
  }
}
