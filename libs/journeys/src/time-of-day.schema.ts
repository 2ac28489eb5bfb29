import { z } from 'zod';

export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local wall-clock time, `HH:MM` on a 24-hour clock. */
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY_PATTERN, {
  message: 'must be a 24-hour time HH:MM such as 09:00 or 21:30',
});

/** Minutes since local midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
