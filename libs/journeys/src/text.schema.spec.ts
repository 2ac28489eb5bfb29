import { describe, expect, it } from 'vitest';
import { isStorableText, jsonRecord, MAX_JSON_DEPTH, text } from './text.schema';

describe('text PostgreSQL can store as sent', () => {
  it('should accept any well-formed text, Persian, Hebrew and emoji included', () => {
    for (const value of ['', 'سلام', 'שלום', '👩‍👩‍👧‍👦', '\u202e', '﷽', '\ud83d\ude00']) {
      expect(isStorableText(value), value).toBe(true);
    }
  });

  it('should refuse NUL and lone surrogates, wherever they sit', () => {
    for (const value of ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', 'a\ud83d']) {
      expect(isStorableText(value), JSON.stringify(value)).toBe(false);
    }
    expect(text().safeParse('a\u0000').success).toBe(false);
  });

  it('should name the key or string of free-form JSON that cannot be stored, and refuse deep nesting', () => {
    const nul = jsonRecord().safeParse({ a: [{ b: 'x\u0000' }] });
    expect(nul.error?.issues.map((i) => i.path)).toEqual([['a', 0, 'b']]);
    const key = jsonRecord().safeParse({ a: { 'k\ud800': 1 } });
    expect(key.error?.issues.map((i) => i.path)).toEqual([['a', 'k\ud800']]);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i += 1) deep = { a: deep };
    expect(jsonRecord().safeParse({ deep }).success).toBe(false);
  });
});
