import { IANAZone } from 'luxon';

/** Zone names seen, valid or not: luxon checks one by building an Intl formatter, a hot spot per step. */
const validity = new Map<string, boolean>();

/** The customer's IANA timezone when it is a valid one, else UTC. */
export function resolveTimezone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  let valid = validity.get(tz);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(tz);
    if (validity.size < 10_000) validity.set(tz, valid);
  }
  return valid ? tz : 'UTC';
}
