import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseDuration } from './duration';
import { durationSchema } from './duration.schema';
import { JOURNEY_CHANNELS, type JourneyChannel } from './journey-channel';
import { resolveTimezone } from './resolve-timezone';

export const frequencyCapSchema = z
  .strictObject({
    channel: z
      .enum([...JOURNEY_CHANNELS, 'any'])
      .describe('The channel capped, or `any` for all channels together.'),
    max: z.number().int().min(0).describe('How many messages the window allows.'),
    per: z
      .union([z.enum(['day', 'week']), durationSchema])
      .describe(
        '`day` or `week` (calendar, in the customer timezone; weeks start on Monday) or a rolling duration such as `PT6H`.',
      ),
  })
  .describe('At most `max` messages per window, across all journeys; transactional journeys are exempt.');

/** The body of `PUT /v1/settings/frequency-caps`. */
export const frequencyCapsSchema = z
  .strictObject({ caps: z.array(frequencyCapSchema).max(50).describe('Caps; none by default.') })
  .describe('Frequency caps.');

export interface FrequencyCap {
  channel: JourneyChannel | 'any';
  max: number;
  /** `day` or `week` (calendar) or an ISO-8601 duration (rolling). */
  per: 'day' | 'week' | string;
}

/** Where a cap's window starts for a send at `at`: the calendar day or ISO week in the customer's timezone, or `at` minus the duration. */
export function capWindowStart(cap: FrequencyCap, at: Date, timezone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: resolveTimezone(timezone) });
  switch (cap.per) {
    case 'day':
      return local.startOf('day').toJSDate();
    case 'week':
      return local.startOf('week').toJSDate();
    default:
      return local.minus(parseDuration(cap.per)).toJSDate();
  }
}

/**
 * The first cap that a send on `channel` at `at` would exceed, given what was sent before; null when none.
 * A send counts when it is not after `at` and not before the window's start (after it, for a rolling window).
 */
export function isCapped({
  caps,
  channel,
  at,
  timezone,
  sent,
}: {
  caps: readonly FrequencyCap[];
  channel: JourneyChannel;
  at: Date;
  timezone: string;
  sent: readonly { channel: JourneyChannel; at: Date }[];
}): FrequencyCap | null {
  for (const cap of caps) {
    if (cap.channel !== 'any' && cap.channel !== channel) continue;
    const start = capWindowStart(cap, at, timezone).getTime();
    const rolling = cap.per !== 'day' && cap.per !== 'week';
    const inWindow = (time: number) => (rolling ? time > start : time >= start) && time <= at.getTime();
    const count = sent.filter(
      (s) => (cap.channel === 'any' || s.channel === cap.channel) && inWindow(s.at.getTime()),
    ).length;
    if (count >= cap.max) return cap;
  }
  return null;
}
