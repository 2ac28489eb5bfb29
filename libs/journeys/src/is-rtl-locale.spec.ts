import { describe, expect, it } from 'vitest';
import { isRtlLocale } from './is-rtl-locale';

describe(isRtlLocale.name, () => {
  it.each([
    'fa',
    'fa-IR',
    'he',
    'he-IL',
    'ar',
    'ar-EG',
    'ur',
    'ps',
    'sd',
    'ug',
    'yi',
    'dv',
    'ckb',
    'ku-Arab',
    'pa-Arab',
    'fa_IR',
  ])('should read %s right to left', (locale) => {
    expect(isRtlLocale(locale)).toBe(true);
  });

  it.each(['en', 'en-US', 'de', 'ku', 'ku-Latn', 'tr', 'az-Latn', 'uz-Cyrl', 'ar-Latn', ''])(
    'should read %s left to right',
    (locale) => {
      expect(isRtlLocale(locale)).toBe(false);
    },
  );

  it('should read no locale left to right', () => {
    expect(isRtlLocale(null)).toBe(false);
    expect(isRtlLocale(undefined)).toBe(false);
  });
});
