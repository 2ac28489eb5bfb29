import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLengthBelow, type Json } from './support/hostile-json';

describe('the fuzzers’ size check', () => {
  it('should agree with JSON.stringify on where a value’s length falls', () => {
    fc.assert(
      fc.property(fc.jsonValue() as fc.Arbitrary<Json>, (value) => {
        const length = JSON.stringify(value).length;
        expect(jsonLengthBelow(value, length + 1)).toBe(true);
        expect(jsonLengthBelow(value, length)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('should say no to a body too long for a string, without building it', () => {
    const body: Json = { id: 'c1', attributes: { name: 'سلام' } };
    const row = Array.from({ length: 5_000 }, () => body);
    const huge: Json = Array.from({ length: 5_000 }, () => row);
    // 5,000 × 5,000 × 5,000 bodies of about 40 characters: far past the 2^29 characters a string can hold.
    expect(
      jsonLengthBelow(
        Array.from({ length: 5_000 }, () => huge),
        500_000,
      ),
    ).toBe(false);
  });
});
