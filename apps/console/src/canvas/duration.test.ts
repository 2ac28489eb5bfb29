import { describe, expect, it } from 'vitest';
import { formatDuration, parseHumanDuration } from './duration';

describe('durations as people type them', () => {
  it.each([
    ['3 days', 'P3D'],
    ['3d', 'P3D'],
    ['1 day 12 hours', 'P1DT12H'],
    ['1 day, 12 hours and 30 minutes', 'P1DT12H30M'],
    ['90 minutes', 'PT90M'],
    ['2 weeks', 'P2W'],
    ['p2d', 'P2D'],
    ['PT5S', 'PT5S'],
    ['۳ روز', 'P3D'],
    ['۲ ساعت و ۳۰ دقیقه', 'PT2H30M'],
    ['3 ימים', 'P3D'],
  ])('should read %s as %s', (text, iso) => {
    expect(parseHumanDuration(text)).toBe(iso);
  });

  it.each(['3 dayz', 'soon', '', '3', 'days 3', '1 day 2 days'])('should refuse %j', (text) => {
    expect(parseHumanDuration(text)).toBeNull();
  });

  it('should say an ISO duration back in the viewer language', () => {
    expect(formatDuration('P3D', 'en')).toMatch(/3 days/);
    expect(formatDuration('nonsense', 'en')).toBe('nonsense');
  });
});
