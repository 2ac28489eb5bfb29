import { IANAZone } from 'luxon';

/** The customer's IANA timezone when it is a valid one, else UTC. */
export function resolveTimezone(tz: string | null | undefined): string {
  return tz && IANAZone.isValidZone(tz) ? tz : 'UTC';
}
