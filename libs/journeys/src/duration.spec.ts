import { describe, expect, it } from 'vitest';
import { addDuration, isIsoDuration, parseDuration } from './duration';

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
