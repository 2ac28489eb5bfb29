import { describe, expect, it } from 'vitest';
import { tooDeepAt } from './json-body.middleware';

describe(tooDeepAt.name, () => {
  it('should find nothing in a body within the depth, scalars at the limit included', () => {
    expect(tooDeepAt({ events: [{ properties: { a: [1, 'x', null] } }] }, 5)).toBeNull();
    expect(tooDeepAt('text')).toBeNull();
    expect(tooDeepAt(null)).toBeNull();
  });

  it('should name the path of the first object nested deeper than the limit', () => {
    const body = { events: [{ name: 'a' }, { properties: { a: { b: {} } } }] };

    expect(tooDeepAt(body, 4)).toEqual(['events', 1, 'properties', 'a']);
    expect(tooDeepAt([[[[]]]], 2)).toEqual([0, 0]);
  });

  it('should walk a body far deeper than the stack allows', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };

    expect(tooDeepAt(deep)).toHaveLength(64);
  });
});
