import { DateTime } from 'luxon';
import type { QuietHours } from './quiet-hours.schema';
import { resolveTimezone } from './resolve-timezone';
import { minutesOfDay } from './time-of-day.schema';

/**
 * Moves a moment out of the quiet window, in the customer's timezone (UTC when unknown): a moment inside
 * `start`–`end` (which may wrap midnight, 21:00–09:00) is held until the window ends; the end itself is outside.
 */
export function applyQuietHours(
  dueAt: Date,
  quietHours: QuietHours | undefined,
  timezone: string | null | undefined,
): { at: Date; held: boolean } {
  if (quietHours === undefined) return { at: dueAt, held: false };
  const start = minutesOfDay(quietHours.start);
  const end = minutesOfDay(quietHours.end);
  if (start === end) return { at: dueAt, held: false };
  const local = DateTime.fromJSDate(dueAt, { zone: resolveTimezone(timezone) });
  const now = local.hour * 60 + local.minute;
  const wraps = start > end;
  const inside = wraps ? now >= start || now < end : now >= start && now < end;
  if (!inside) return { at: dueAt, held: false };
  const endDay = wraps && now >= start ? local.plus({ days: 1 }) : local;
  const at = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return { at: at.toJSDate(), held: true };
}
