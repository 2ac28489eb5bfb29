import { describe, expect, it } from 'vitest';
import { planRollupRead } from './rollup-source';

const at = (iso: string) => new Date(iso);

describe(planRollupRead.name, () => {
  it('should read whole days, the whole hours around them and the minutes at the edges', () => {
    expect(planRollupRead(at('2026-11-20T13:45:00Z'), at('2026-11-23T02:10:00Z'))).toEqual({
      days: [at('2026-11-21T00:00:00Z'), at('2026-11-23T00:00:00Z')],
      hours: [
        [at('2026-11-20T14:00:00Z'), at('2026-11-21T00:00:00Z')],
        [at('2026-11-23T00:00:00Z'), at('2026-11-23T02:00:00Z')],
      ],
      aligned: [at('2026-11-20T14:00:00Z'), at('2026-11-23T02:00:00Z')],
      raw: [
        [at('2026-11-20T13:45:00Z'), at('2026-11-20T14:00:00Z')],
        [at('2026-11-23T02:00:00Z'), at('2026-11-23T02:10:00Z')],
      ],
    });
  });

  it('should read everything from the daily rollups and the deltas when the period is unbounded', () => {
    expect(planRollupRead()).toEqual({
      days: [undefined, undefined],
      hours: [],
      aligned: [undefined, undefined],
      raw: [],
    });
  });

  it('should read hours only when the period holds no whole day', () => {
    expect(planRollupRead(at('2026-11-20T10:00:00Z'), at('2026-11-20T12:30:00Z'))).toEqual({
      days: null,
      hours: [[at('2026-11-20T10:00:00Z'), at('2026-11-20T12:00:00Z')]],
      aligned: [at('2026-11-20T10:00:00Z'), at('2026-11-20T12:00:00Z')],
      raw: [[at('2026-11-20T12:00:00Z'), at('2026-11-20T12:30:00Z')]],
    });
  });

  it('should read the rows themselves when the period holds no whole hour', () => {
    expect(planRollupRead(at('2026-11-20T10:10:00Z'), at('2026-11-20T10:50:00Z'))).toEqual({
      days: null,
      hours: [],
      aligned: null,
      raw: [[at('2026-11-20T10:10:00Z'), at('2026-11-20T10:50:00Z')]],
    });
  });

  it('should leave a bound open when only the other is given', () => {
    expect(planRollupRead(undefined, at('2026-11-20T10:50:00Z'))).toEqual({
      days: [undefined, at('2026-11-20T00:00:00Z')],
      hours: [[at('2026-11-20T00:00:00Z'), at('2026-11-20T10:00:00Z')]],
      aligned: [undefined, at('2026-11-20T10:00:00Z')],
      raw: [[at('2026-11-20T10:00:00Z'), at('2026-11-20T10:50:00Z')]],
    });
  });
});
