import { describe, expect, it } from 'vitest';
import { entryDecision, type EntryHistory } from './entry-decision';

const now = new Date('2026-11-22T09:30:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const fresh: EntryHistory = { count: 0, active: false, lastEnteredAt: null, lastEndedAt: null };
const running: EntryHistory = { count: 1, active: true, lastEnteredAt: hoursAgo(5), lastEndedAt: null };
const ended = (enteredHoursAgo: number, endedHoursAgo: number, count = 1): EntryHistory => ({
  count,
  active: false,
  lastEnteredAt: hoursAgo(enteredHoursAgo),
  lastEndedAt: hoursAgo(endedHoursAgo),
});

describe(entryDecision.name, () => {
  it('should let a first-time customer in under every policy', () => {
    for (const reentry of ['never', 'after_exit', 'always'] as const) {
      expect(entryDecision({ reentry }, fresh, now)).toEqual({ enter: true, replacesActive: false });
    }
  });

  it('should never let a customer in twice under never', () => {
    expect(entryDecision({ reentry: 'never' }, running, now)).toEqual({
      enter: false,
      reason: 'already_enrolled',
    });
    expect(entryDecision({ reentry: 'never' }, ended(10, 5), now)).toEqual({
      enter: false,
      reason: 'entered_before',
    });
  });

  it('should wait for the end, then for the gap after it, under after_exit', () => {
    const rule = { reentry: 'after_exit', reentryGap: 'PT6H' } as const;

    expect(entryDecision(rule, running, now)).toEqual({ enter: false, reason: 'already_enrolled' });
    expect(entryDecision(rule, ended(10, 5), now)).toEqual({ enter: false, reason: 'reentry_gap' });
    expect(entryDecision(rule, ended(10, 6), now)).toEqual({ enter: true, replacesActive: false });
  });

  it('should replace the running enrollment under always, once the gap since its start has passed', () => {
    expect(entryDecision({ reentry: 'always' }, running, now)).toEqual({ enter: true, replacesActive: true });
    expect(entryDecision({ reentry: 'always', reentryGap: 'PT6H' }, running, now)).toEqual({
      enter: false,
      reason: 'reentry_gap',
    });
    expect(entryDecision({ reentry: 'always', reentryGap: 'PT4H' }, running, now)).toEqual({
      enter: true,
      replacesActive: true,
    });
    // The gap under always is counted from the start: an enrollment that ended a minute ago does not hold it.
    expect(entryDecision({ reentry: 'always', reentryGap: 'PT4H' }, ended(5, 0.02), now)).toEqual({
      enter: true,
      replacesActive: false,
    });
  });

  it('should stop at the entry limit whatever the policy', () => {
    expect(entryDecision({ reentry: 'always', entryLimit: 2 }, ended(10, 5, 2), now)).toEqual({
      enter: false,
      reason: 'entry_limit',
    });
    expect(entryDecision({ reentry: 'after_exit', entryLimit: 3 }, ended(10, 5, 2), now)).toEqual({
      enter: true,
      replacesActive: false,
    });
  });
});
