import { describe, expect, it } from 'vitest';
import type { Condition } from './condition';
import { evaluateCondition, type ConditionScope } from './evaluate-condition';
import { customerOf } from './journey.fixture';

const scope: ConditionScope = {
  customer: customerOf({
    attributes: {
      tier: 'gold',
      age: 34,
      score: '12',
      tags: ['vip', 'early'],
      signedUpAt: '2026-01-15T08:00:00Z',
      name: 'مریم',
      nested: { city: 'Tehran' },
      empty: null,
    },
    consent: { sms: true, email: false },
  }),
  event: { name: 'cart_abandoned', properties: { cartValue: 129.5, items: [{ sku: 'A1' }] } },
};

function sut(condition: Condition, inScope: ConditionScope = scope): boolean {
  return evaluateCondition(condition, inScope);
}

describe(evaluateCondition.name, () => {
  it.each<[string, Condition, boolean]>([
    ['eq on a string', { path: 'customer.attributes.tier', op: 'eq', value: 'gold' }, true],
    ['eq on another string', { path: 'customer.attributes.tier', op: 'eq', value: 'silver' }, false],
    ['ne', { path: 'customer.attributes.tier', op: 'ne', value: 'silver' }, true],
    ['gt numerically', { path: 'event.properties.cartValue', op: 'gt', value: 100 }, true],
    ['lte numerically', { path: 'event.properties.cartValue', op: 'lte', value: 129.5 }, true],
    [
      'lt on a numeric string against a number',
      { path: 'customer.attributes.score', op: 'lt', value: 100 },
      true,
    ],
    ['gte on dates', { path: 'customer.attributes.signedUpAt', op: 'gte', value: '2026-01-01' }, true],
    [
      'lt on dates',
      { path: 'customer.attributes.signedUpAt', op: 'lt', value: '2026-01-15T07:59:59Z' },
      false,
    ],
    [
      'eq on the same instant in two offsets',
      { path: 'customer.attributes.signedUpAt', op: 'eq', value: '2026-01-15T11:30:00+03:30' },
      true,
    ],
    ['in', { path: 'customer.attributes.tier', op: 'in', value: ['gold', 'platinum'] }, true],
    ['in, absent', { path: 'customer.attributes.tier', op: 'in', value: ['bronze'] }, false],
    ['contains on an array', { path: 'customer.attributes.tags', op: 'contains', value: 'vip' }, true],
    ['contains on a string', { path: 'customer.attributes.name', op: 'contains', value: 'ری' }, true],
    ['exists', { path: 'customer.attributes.nested.city', op: 'exists' }, true],
    ['exists on null', { path: 'customer.attributes.empty', op: 'exists' }, false],
    [
      'exists false on a missing path',
      { path: 'customer.attributes.missing.deeper', op: 'exists', value: false },
      true,
    ],
    ['a numeric index', { path: 'event.properties.items.0.sku', op: 'eq', value: 'A1' }, true],
    ['consent', { path: 'consent.email', op: 'eq', value: false }, true],
    ['a comparison on a missing value', { path: 'customer.attributes.missing', op: 'gt', value: 1 }, false],
    ['a comparison of a word with a number', { path: 'customer.attributes.tier', op: 'gt', value: 1 }, false],
  ])('should evaluate %s', (_, condition, expected) => {
    expect(sut(condition)).toBe(expected);
  });

  it('should combine all, any and not', () => {
    const gold = { path: 'customer.attributes.tier', op: 'eq', value: 'gold' } as const;
    const young = { path: 'customer.attributes.age', op: 'lt', value: 30 } as const;

    expect(sut({ all: [gold, young] })).toBe(false);
    expect(sut({ any: [gold, young] })).toBe(true);
    expect(sut({ all: [gold, { not: young }] })).toBe(true);
  });

  it('should read the consent given in the scope before the customer consent', () => {
    expect(sut({ path: 'consent.sms', op: 'eq', value: true }, { ...scope, consent: { sms: false } })).toBe(
      false,
    );
  });

  it('should see no event when the scope has none', () => {
    expect(sut({ path: 'event.properties.cartValue', op: 'exists' }, { customer: scope.customer })).toBe(
      false,
    );
  });

  it('should not read inherited properties', () => {
    expect(sut({ path: 'customer.attributes.constructor', op: 'exists' })).toBe(false);
  });
});
