import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addDuration, elapsedMillis, isIsoDuration, parseDuration } from './duration';

describe(parseDuration.name, () => {
  it.each([
    ['P3D', { days: 3 }],
    ['PT2H', { hours: 2 }],
    ['PT2S', { seconds: 2 }],
    ['P1DT12H', { days: 1, hours: 12 }],
    ['-P3D', { days: -3 }],
    ['P1W', { weeks: 1 }],
  ])('should parse %s', (iso, expected) => {
    expect(parseDuration(iso).toObject()).toEqual(expected);
  });

  it.each(['P3X', 'P', 'PT', '3D', 'P1.5D', '', 'P-3D'])('should refuse %s', (iso) => {
    expect(() => parseDuration(iso)).toThrow(RangeError);
  });
});

describe(isIsoDuration.name, () => {
  it('should refuse zero and negative durations unless allowed', () => {
    expect(isIsoDuration('PT0S')).toBe(false);
    expect(isIsoDuration('PT0S', { allowZero: true })).toBe(true);
    expect(isIsoDuration('-P3D')).toBe(false);
    expect(isIsoDuration('-P3D', { allowNegative: true })).toBe(true);
    expect(isIsoDuration('PT2S')).toBe(true);
  });
});

describe(addDuration.name, () => {
  it('should add days as local days and hours as elapsed hours', () => {
    const at = new Date('2026-10-31T14:00:00Z');

    expect(addDuration(at, 'P1D', 'America/New_York').toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(addDuration(at, 'PT24H', 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(addDuration(at, 'P1D', null).toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });
});

describe(elapsedMillis.name, () => {
  it('should give hours, minutes and seconds as milliseconds, and nothing for a calendar unit', () => {
    expect(elapsedMillis('PT5S')).toBe(5_000);
    expect(elapsedMillis('PT1H30M1.5S')).toBe(5_401_500);
    expect(elapsedMillis('-PT2M')).toBe(-120_000);
    expect(elapsedMillis('P1D')).toBeUndefined();
    expect(elapsedMillis('P1DT1H')).toBeUndefined();
    expect(elapsedMillis('P1W')).toBeUndefined();
    expect(() => elapsedMillis('5 minutes')).toThrow(RangeError);
  });

  it('should add the same instant as luxon across a DST change', () => {
    const at = new Date('2026-11-01T05:30:00Z'); // 01:30 EDT, the hour New York repeats
    for (const iso of ['PT1H', 'PT90M', 'PT24H', 'PT0.25S']) {
      const luxon = DateTime.fromJSDate(at, { zone: 'America/New_York' }).plus(parseDuration(iso)).toJSDate();
      expect(addDuration(at, iso, 'America/New_York')).toEqual(luxon);
    }
  });
});
