import { describe, expect, it } from 'vitest';
import { applyQuietHours } from './apply-quiet-hours';

const overnight = { start: '21:00', end: '09:00' };

function sut(iso: string, quietHours = overnight, timezone: string | null = 'UTC') {
  const result = applyQuietHours(new Date(iso), quietHours, timezone);
  return { at: result.at.toISOString(), held: result.held };
}

describe(applyQuietHours.name, () => {
  it.each([
    ['in the evening part of the window', '2026-11-22T22:15:00Z', '2026-11-23T09:00:00.000Z', true],
    ['at the start of the window', '2026-11-22T21:00:00Z', '2026-11-23T09:00:00.000Z', true],
    ['after midnight', '2026-11-23T03:00:00Z', '2026-11-23T09:00:00.000Z', true],
    ['one second before the end', '2026-11-23T08:59:59Z', '2026-11-23T09:00:00.000Z', true],
    ['at the end of the window', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00.000Z', false],
    ['in the day', '2026-11-23T12:00:00Z', '2026-11-23T12:00:00.000Z', false],
    ['one minute before the start', '2026-11-22T20:59:00Z', '2026-11-22T20:59:00.000Z', false],
  ])('should handle a moment %s of a window that wraps midnight', (_, dueAt, at, held) => {
    expect(sut(dueAt)).toEqual({ at, held });
  });

  it('should hold a moment inside a window that does not wrap until its end the same day', () => {
    expect(sut('2026-11-23T13:30:00Z', { start: '13:00', end: '14:00' })).toEqual({
      at: '2026-11-23T14:00:00.000Z',
      held: true,
    });
    expect(sut('2026-11-23T14:30:00Z', { start: '13:00', end: '14:00' })).toEqual({
      at: '2026-11-23T14:30:00.000Z',
      held: false,
    });
  });

  it("should read the window in the customer's timezone", () => {
    // 19:00Z is 22:30 in Tehran (UTC+03:30): quiet until 09:00 Tehran, 05:30Z.
    expect(sut('2026-11-22T19:00:00Z', overnight, 'Asia/Tehran')).toEqual({
      at: '2026-11-23T05:30:00.000Z',
      held: true,
    });
    // 19:00Z is 14:00 in New York: not quiet.
    expect(sut('2026-11-22T19:00:00Z', overnight, 'America/New_York')).toEqual({
      at: '2026-11-22T19:00:00.000Z',
      held: false,
    });
  });

  it('should end the window at local 09:00 on the night the New York clocks go back', () => {
    // 2026-10-31 22:00 EDT; the window ends 2026-11-01 09:00 EST.
    expect(sut('2026-11-01T02:00:00Z', overnight, 'America/New_York')).toEqual({
      at: '2026-11-01T14:00:00.000Z',
      held: true,
    });
  });

  it('should use UTC for a customer with no timezone or an invalid one', () => {
    expect(sut('2026-11-22T22:00:00Z', overnight, null)).toEqual({
      at: '2026-11-23T09:00:00.000Z',
      held: true,
    });
    expect(sut('2026-11-22T22:00:00Z', overnight, 'Nowhere/Land')).toEqual({
      at: '2026-11-23T09:00:00.000Z',
      held: true,
    });
  });

  it('should hold nothing without quiet hours', () => {
    const dueAt = new Date('2026-11-22T23:00:00Z');

    expect(applyQuietHours(dueAt, undefined, 'UTC')).toEqual({ at: dueAt, held: false });
  });
});
