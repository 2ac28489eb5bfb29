import { DateTime } from 'luxon';
import { addDuration, parseDuration } from './duration';
import { lookup, type ConditionScope } from './evaluate-condition';
import { CONDITION_PATH_PATTERN } from './condition';
import { minutesOfDay } from './time-of-day.schema';
import { WEEKDAYS, type WaitStep } from './step';

export interface WaitEnd {
  at: Date;
  detail: string;
}

/** When a wait step that starts at `at` ends, in the customer's timezone `zone`. */
export function waitEnd(step: WaitStep, at: Date, scope: ConditionScope, zone: string): WaitEnd {
  if (step.duration !== undefined) {
    return {
      at: addDuration(at, step.duration, zone),
      detail: step.duration,
    };
  }
  const until = step.until;
  if (until === undefined) return { at, detail: 'no wait' };
  if ('date' in until) return untilDate(until, at, scope, zone);
  return untilTime(until.time, until.days, at, zone);
}

/** The next local `time` strictly after `at`, on one of `days` when given. */
function untilTime(time: string, days: readonly string[] | undefined, at: Date, zone: string): WaitEnd {
  const minutes = minutesOfDay(time);
  const start = DateTime.fromJSDate(at, { zone }).startOf('day');
  for (let offset = 0; offset <= 8; offset += 1) {
    const candidate = start
      .plus({ days: offset })
      .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
    const weekday = WEEKDAYS[candidate.weekday - 1];
    if (candidate.toMillis() > at.getTime() && (days === undefined || days.includes(weekday))) {
      return {
        at: candidate.toJSDate(),
        detail: `until ${time}${days ? ` on ${days.join(',')}` : ''} ${zone}`,
      };
    }
  }
  // Unreachable: within eight days every weekday comes round.
  return { at, detail: `until ${time}` };
}

const MONTH_DAY = /^(?:--)?(\d{2})-(\d{2})$/;

/**
 * A date from the customer or event (or a literal), plus the offset, at the local time.
 * A month-day (`05-14`, `--05-14`) recurs: its next occurrence after `at`. A full date is taken as is,
 * and when it is already past the wait ends at once.
 */
function untilDate(
  until: { date: string; offset?: string; time?: string },
  at: Date,
  scope: ConditionScope,
  zone: string,
): WaitEnd {
  const raw = CONDITION_PATH_PATTERN.test(until.date) ? lookup(until.date, scope) : until.date;
  const shape = (date: DateTime) => {
    let moment = until.offset ? date.plus(parseDuration(until.offset)) : date;
    if (until.time !== undefined) {
      const minutes = minutesOfDay(until.time);
      moment = moment.set({
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
        second: 0,
        millisecond: 0,
      });
    }
    return moment;
  };
  const now = DateTime.fromJSDate(at, { zone });
  const monthDay = typeof raw === 'string' ? MONTH_DAY.exec(raw) : null;
  if (monthDay) {
    const [month, day] = [Number(monthDay[1]), Number(monthDay[2])];
    for (let year = now.year - 1; year <= now.year + 2; year += 1) {
      const base = DateTime.fromObject({ year, month, day: 1 }, { zone });
      if (!base.isValid || day < 1 || day > 31) break;
      // 29 February falls on the 28th in other years.
      const candidate = shape(base.set({ day: Math.min(day, base.daysInMonth ?? 28) }));
      if (candidate > now) return { at: candidate.toJSDate(), detail: `until ${until.date} (${raw})` };
    }
    return { at, detail: `until ${until.date}: "${raw}" is not a date, proceeding` };
  }
  const date = toDateTime(raw, zone);
  if (date === null) {
    return { at, detail: `until ${until.date}: no date, proceeding` };
  }
  const end = shape(date);
  if (end <= now) {
    return { at, detail: `until ${until.date}: ${end.toISO()} has passed, proceeding` };
  }
  return { at: end.toJSDate(), detail: `until ${until.date}` };
}

function toDateTime(value: unknown, zone: string): DateTime | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : DateTime.fromJSDate(value, { zone });
  }
  if (typeof value === 'string') {
    const parsed = DateTime.fromISO(value, { zone });
    return parsed.isValid ? parsed : null;
  }
  return null;
}
