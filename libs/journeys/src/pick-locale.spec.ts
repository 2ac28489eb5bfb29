import { describe, expect, it } from 'vitest';
import { pickLocale } from './pick-locale';

describe(pickLocale.name, () => {
  const both = { fa: 1, 'fa-IR': 2, 'zh-Hant': 3 };

  it('should prefer the exact locale, then its language, then nothing', () => {
    expect(pickLocale(both, 'fa-IR')).toBe('fa-IR');
    expect(pickLocale({ fa: 1 }, 'fa-IR')).toBe('fa');
    expect(pickLocale({ fa: 1 }, 'he-IL')).toBeNull();
  });

  it('should shorten a long tag one subtag at a time', () => {
    expect(pickLocale(both, 'zh-Hant-TW')).toBe('zh-Hant');
  });

  it('should ignore case and underscores and return the key as written', () => {
    expect(pickLocale(both, 'FA_ir')).toBe('fa-IR');
  });

  it('should not pick a more specific locale for a bare language', () => {
    expect(pickLocale({ 'fa-IR': 1 }, 'fa')).toBeNull();
  });

  it('should return null without locales or without a customer locale', () => {
    expect(pickLocale(undefined, 'fa')).toBeNull();
    expect(pickLocale(both, null)).toBeNull();
    expect(pickLocale(both, undefined)).toBeNull();
  });
});
