import { DateTime, Duration } from 'luxon';
import { resolveTimezone } from './resolve-timezone';

// Integer designators, with a fraction allowed on seconds only (PT1.5S); a leading minus negates the whole duration.
const ISO_DURATION =
  /^(-)?P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export const ISO_DURATION_PATTERN = ISO_DURATION;

/** Parses an ISO-8601 duration (`P3D`, `PT2H`, `P1DT12H`, `-P3D`); throws a RangeError when it is not one. */
export function parseDuration(iso: string): Duration {
  const duration = ISO_DURATION.test(iso) ? Duration.fromISO(iso) : null;
  if (!duration?.isValid) {
    throw new RangeError(`"${iso}" is not an ISO-8601 duration`);
  }
  return duration;
}

export function isIsoDuration(
  iso: string,
  options: { allowNegative?: boolean; allowZero?: boolean } = {},
): boolean {
  if (!ISO_DURATION.test(iso)) return false;
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) return false;
  const values = Object.values(duration.toObject());
  if (!options.allowZero && values.every((value) => value === 0)) return false;
  if (!options.allowNegative && iso.startsWith('-')) return false;
  return true;
}

/** Adds a duration in the given IANA zone, so that P1D keeps the wall-clock time across a DST change. */
export function addDuration(at: Date, iso: string | Duration, timezone: string | null | undefined): Date {
  const elapsed = typeof iso === 'string' ? elapsedMillis(iso) : undefined;
  if (elapsed !== undefined) return new Date(at.getTime() + elapsed);
  const duration = typeof iso === 'string' ? parseDuration(iso) : iso;
  return DateTime.fromJSDate(at, { zone: resolveTimezone(timezone) })
    .plus(duration)
    .toJSDate();
}

/** Durations seen, as elapsed milliseconds, or null when they hold a calendar unit (Y, M, W, D). */
const elapsedCache = new Map<string, number | null>();

/**
 * The milliseconds of a duration of hours, minutes and seconds only, the same in every zone (luxon adds
 * them as elapsed time), else undefined. Cached: a luxon DateTime per step was a hot spot of enrollment.
 */
export function elapsedMillis(iso: string): number | undefined {
  let elapsed = elapsedCache.get(iso);
  if (elapsed === undefined) {
    const d = parseDuration(iso);
    elapsed = d.years || d.quarters || d.months || d.weeks || d.days ? null : d.as('milliseconds');
    if (elapsedCache.size < 10_000) elapsedCache.set(iso, elapsed);
  }
  return elapsed ?? undefined;
}
