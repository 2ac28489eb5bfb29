import { customerConditionSql, migrateToLatest, openDatabase, type DatabaseHandle } from '@touchpoint/core';
import { evaluateCondition, type Condition, type CustomerLike } from '@touchpoint/journeys';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A broadcast's condition runs in SQL (customerConditionSql) and again in the journey's own evaluation.
 * The SQL must select exactly what the evaluation accepts when it says it is exact, and never less
 * otherwise: checked on random customers and conditions, on PGlite (the embedded path).
 */
const KEYS = ['tier', 'score', 'tags', 'joined', 'nested'];

const attributeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('gold', 'silver', '', '10', '9.5', ' 7 ', '2026-01-02', '2026-01-02T00:00:00Z', 'Gold'),
  fc.constantFrom(0, 7, 9.5, 10, -3, 1e21),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('gold', 'vip', 7, '7', true, null), { maxLength: 3 }),
  fc.constant({ deep: 'x' }),
);

const customerArb = fc.record({
  attributes: fc.dictionary(fc.constantFrom(...KEYS), attributeValue, { maxKeys: 4 }),
  consent: fc.dictionary(fc.constantFrom('sms', 'email', 'push'), fc.boolean(), { maxKeys: 3 }),
  email: fc.option(fc.constantFrom('a@example.com', 'b@example.com'), { nil: null }),
  locale: fc.option(fc.constantFrom('en', 'fa', 'en-GB'), { nil: null }),
});

const pathArb = fc.constantFrom(
  ...KEYS.map((k) => `customer.attributes.${k}`),
  'customer.attributes.nested.deep',
  'customer.attributes.tags.0',
  'customer.attributes.tags.length',
  'customer.attributes.tags.-1',
  'customer.attributes',
  'customer.email',
  'customer.locale',
  'customer.id',
  'customer.unknown',
  'customer.email.length',
  'consent.email',
  'consent.sms',
  'customer.consent.push',
);

const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    path: pathArb,
    op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains' as const),
    value: attributeValue,
  }) as fc.Arbitrary<Condition>,
  fc.record({
    path: pathArb,
    op: fc.constant('in' as const),
    value: fc.array(attributeValue, { maxLength: 3 }),
  }),
  fc.record({
    path: pathArb,
    op: fc.constant('exists' as const),
    value: fc.constantFrom(true, false, undefined),
  }),
);

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

describe('customerConditionSql against evaluateCondition', () => {
  let dir: string;
  let handle: DatabaseHandle;
  const customers: CustomerLike[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-condition-'));
    handle = await openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    const sample = fc.sample(customerArb, { numRuns: 300, seed: 13 });
    sample.forEach((c, i) => customers.push({ id: `c${String(i).padStart(3, '0')}`, ...c }));
    await handle.db
      .insertInto('customers')
      .values(
        customers.map((c) => ({
          id: c.id,
          email: c.email ?? null,
          locale: c.locale ?? null,
          attributes: JSON.stringify(c.attributes),
          consent: JSON.stringify(c.consent),
          created_at: new Date(),
          updated_at: new Date(),
        })),
      )
      .execute();
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should select exactly what the journey accepts when exact, and a superset otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(conditionArb, async (condition) => {
        const translated = customerConditionSql(condition);
        const rows = await handle.db.selectFrom('customers').select('id').where(translated.where).execute();
        const selected = new Set(rows.map((r) => r.id));
        const accepted = customers
          .filter((c) => evaluateCondition(condition, { customer: c }))
          .map((c) => c.id);
        for (const id of accepted) expect(selected.has(id), `${id} accepted but not selected`).toBe(true);
        if (translated.exact) expect(selected.size).toBe(accepted.length);
      }),
      { numRuns: 400, seed: 4242 },
    );
  }, 120_000);
});
