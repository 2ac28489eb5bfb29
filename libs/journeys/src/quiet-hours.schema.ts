import { z } from 'zod';
import { timeOfDaySchema } from './time-of-day.schema';

export const quietHoursSchema = z
  .strictObject({
    start: timeOfDaySchema.describe('Start of the quiet window, local HH:MM, e.g. 21:00.'),
    end: timeOfDaySchema.describe(
      'End of the quiet window, local HH:MM, e.g. 09:00; may be earlier than start (wraps midnight).',
    ),
  })
  .refine((window) => window.start !== window.end, {
    message: 'start and end must differ',
    path: ['end'],
    params: { code: 'JOURNEY.INVALID_QUIET_HOURS' },
  })
  .describe(
    "A daily window in the customer's timezone (UTC when unknown); a step due inside it is sent when it ends.",
  );

export interface QuietHours {
  start: string;
  end: string;
}
