import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventBatchSchema } from './event.schema';
import { plainEventBatch } from './plain-event-batch';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });

/** Values of each field, valid and not: every event below differs from a valid one in one field. */
const FIELD_VALUES: Record<string, unknown[]> = {
  id: ['e-1', '', 'x'.repeat(200), 'x'.repeat(201), 'a\u0000b', 'a\ud800b', '\ud83d\ude00', 7, null, ['e']],
  customerId: [
    'c-1',
    '',
    'c'.repeat(200),
    'c'.repeat(201),
    'c 1',
    'c/1',
    'c?1',
    'c#1',
    'c\u0007',
    'c\ud800',
    1,
    null,
  ],
  name: ['cart_abandoned', '', 'n'.repeat(200), 'n'.repeat(201), 'a b', 'a\u0000', 'a\udc00', false, {}],
  properties: [
    {},
    // Not what JSON.parse makes, but an object zod copies onto Object.prototype.
    Object.assign(Object.create(null) as object, { a: 1 }),
    { cartValue: 129.5, cartUrl: 'https://shop.example/cart/1', items: [{ sku: 'a', qty: 2 }], gift: null },
    { 'bad\u0000key': 1 },
    { a: ['x', { 'k\ud800': 1 }] },
    { a: 'lone \udc00' },
    { a: nested(31) },
    { a: nested(32) },
    { a: nested(40) },
    JSON.parse('{"__proto__": {"polluted": true}, "b": 2}') as unknown,
    { a: JSON.parse('{"__proto__": 1}') as unknown },
    [],
    ['x'],
    null,
    'text',
    7,
  ],
  occurredAt: [
    '2026-12-03T03:00:00Z',
    '2026-12-03T03:00:00.123+02:00',
    '2026-12-03T03:00:00',
    '2026-02-30T03:00:00Z',
    'yesterday',
    1_700_000_000_000,
    null,
  ],
  extra: ['ignored'],
};

const VALID = { id: 'e-1', customerId: 'c-1', name: 'cart_abandoned' };

function oneFieldOff(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [VALID, { customerId: 'c-2', name: 'x' }];
  for (const [field, values] of Object.entries(FIELD_VALUES)) {
    for (const value of values) events.push({ ...VALID, [field]: value });
  }
  return events;
}

describe(plainEventBatch.name, () => {
  it('should give what eventBatchSchema gives, or leave the batch to it', () => {
    const events = oneFieldOff();
    const bodies: unknown[] = [
      ...events.map((event) => ({ events: [VALID, event] })),
      { events: events.filter((e) => eventBatchSchema.safeParse({ events: [e] }).success) },
      { events: [] },
      { events: {} },
      { events: [VALID], other: 1 },
      { events: [null] },
      { events: ['x'] },
      VALID,
      null,
      [],
    ];
    let taken = 0;
    for (const body of bodies) {
      const plain = plainEventBatch(body);
      const parsed = eventBatchSchema.safeParse(body);
      if (plain === undefined) continue;
      taken++;
      expect(parsed.success, JSON.stringify(body)).toBe(true);
      expect(plain, JSON.stringify(body)).toStrictEqual(parsed.data?.events);
    }
    expect(taken).toBeGreaterThan(15);
  });

  it('should agree with eventBatchSchema on any batch it takes (property)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 210, unit: 'binary' }),
      fc.constantFrom('c-1', 'cart_abandoned', '__proto__', 'a\u0000b', 'x'.repeat(201)),
    );
    const field = fc.oneof(text, fc.integer(), fc.constant(null), fc.boolean());
    // Mostly valid events, each field now and then anything: the batches the fast path takes are many.
    const often = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 12 }, field);
    const event = fc
      .record(
        {
          id: often(fc.string({ minLength: 1, maxLength: 20 })),
          customerId: often(fc.stringMatching(/^[A-Za-z0-9._:@+-]{1,12}$/)),
          name: often(fc.string({ minLength: 1, maxLength: 20 })),
          properties: often(
            fc.dictionary(
              fc.oneof({ arbitrary: fc.string(), weight: 9 }, text),
              fc.jsonValue({ maxDepth: 3 }),
              {
                noNullPrototype: true,
              },
            ),
          ),
          occurredAt: often(
            fc
              .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
              .map((d) => d.toISOString()),
          ),
          extra: fc.option(field, { freq: 8 }),
        },
        { requiredKeys: ['customerId', 'name'] },
      )
      .map(({ extra, ...rest }) => (extra === null ? rest : { ...rest, extra }));
    let taken = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 3 }), (events) => {
        const plain = plainEventBatch({ events });
        if (plain === undefined) return;
        taken++;
        const parsed = eventBatchSchema.safeParse({ events });
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data?.events);
      }),
      { numRuns: 3_000 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('should take a batch of plain events, properties defaulted', () => {
    const events = Array.from({ length: 1_000 }, (_, i) => ({
      id: `cart-${i}`,
      customerId: `c-${i}`,
      name: 'cart_abandoned',
      ...(i % 2 ? { properties: { cartUrl: `https://shop.example/cart/${i}` } } : {}),
    }));

    const plain = plainEventBatch({ events });

    expect(plain).toHaveLength(1_000);
    expect(plain?.[0]).toStrictEqual({
      id: 'cart-0',
      customerId: 'c-0',
      name: 'cart_abandoned',
      properties: {},
    });
  });

  it('should leave a single event, and any event with a field to strip or refuse, to zod', () => {
    expect(plainEventBatch(VALID)).toBeUndefined();
    expect(plainEventBatch({ events: [VALID, { ...VALID, extra: 1 }] })).toBeUndefined();
    expect(plainEventBatch({ events: [VALID, { ...VALID, customerId: 'c 1' }] })).toBeUndefined();
  });
});
