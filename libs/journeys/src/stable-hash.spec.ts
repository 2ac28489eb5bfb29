import { describe, expect, it } from 'vitest';
import { stableHash } from './stable-hash';

describe(stableHash.name, () => {
  it('should give the same unsigned 32-bit number for the same text', () => {
    expect(stableHash('jrn-1:ab:c-42')).toBe(stableHash('jrn-1:ab:c-42'));
    expect(stableHash('')).toBeGreaterThanOrEqual(0);
    expect(stableHash('مریم 👋')).toBeLessThan(2 ** 32);
  });

  it('should not change between releases', () => {
    // Changing the hash would move running customers to other variants.
    expect([stableHash(''), stableHash('a'), stableHash('jrn-1:ab:c-42')]).toMatchInlineSnapshot(`
      [
        2872998923,
        444641715,
        294405339,
      ]
    `);
  });

  it('should spread similar texts', () => {
    expect(stableHash('c-1')).not.toBe(stableHash('c-2'));
  });
});
