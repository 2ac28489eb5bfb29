import { DateTime } from 'luxon';
import type { Condition, PathCondition } from './condition';
import type { CustomerLike } from './customer-like';
import type { EventLike } from './event-like';
import type { Consent } from './channels';

export interface ConditionScope {
  customer: CustomerLike;
  event?: EventLike;
  /** What the enrollment's steps found out, by step id, read at `context.<step id>.*`. */
  context?: Record<string, unknown>;
  /** Consent to read at `consent.*`; the customer's own consent when omitted. */
  consent?: Consent;
}

/** Evaluates a condition; a path that leads nowhere is undefined, which only `exists` (false) and `ne` accept. */
export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, scope));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, scope));
  if ('not' in condition) return !evaluateCondition(condition.not, scope);
  return compare(condition, lookup(condition.path, scope));
}

/** Reads a dotted path (`customer.attributes.tier`, `event.properties.items.0.sku`) from the scope. */
export function lookup(path: string, scope: ConditionScope): unknown {
  const [root, ...keys] = path.split('.');
  let value: unknown;
  switch (root) {
    case 'customer':
      value = scope.customer;
      break;
    case 'event':
      value = scope.event;
      break;
    case 'consent':
      value = scope.consent ?? scope.customer.consent;
      break;
    case 'context':
      value = scope.context;
      break;
    default:
      return undefined;
  }
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  }
  return value;
}

function compare(condition: PathCondition, actual: unknown): boolean {
  const expected = condition.value;
  switch (condition.op) {
    case 'exists':
      return (actual !== undefined && actual !== null) === (expected !== false);
    case 'eq':
      return equals(actual, expected);
    case 'ne':
      return !equals(actual, expected);
    case 'gt':
      return order(actual, expected, (d) => d > 0);
    case 'gte':
      return order(actual, expected, (d) => d >= 0);
    case 'lt':
      return order(actual, expected, (d) => d < 0);
    case 'lte':
      return order(actual, expected, (d) => d <= 0);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => equals(actual, candidate));
    case 'contains':
      if (typeof actual === 'string') {
        return expected !== undefined && expected !== null && actual.includes(String(expected));
      }
      if (Array.isArray(actual)) return actual.some((element) => equals(element, expected));
      return false;
  }
}

/** Two values as comparable numbers: numbers (and numeric strings facing a number), or dates (Date, ISO strings). */
function comparable(a: unknown, b: unknown): [number, number] | null {
  const numbers = [asNumber(a, b), asNumber(b, a)];
  if (numbers[0] !== null && numbers[1] !== null) return [numbers[0], numbers[1]];
  const dates = [asDate(a), asDate(b)];
  if (dates[0] !== null && dates[1] !== null) return [dates[0], dates[1]];
  return null;
}

function asNumber(value: unknown, other: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && typeof other === 'number' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

function asDate(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const parsed = DateTime.fromISO(value.replace(' ', 'T'), { zone: 'utc' });
  return parsed.isValid ? parsed.toMillis() : null;
}

function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  const pair = comparable(a, b);
  if (pair) return pair[0] === pair[1];
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equals(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => equals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

function order(a: unknown, b: unknown, accept: (difference: number) => boolean): boolean {
  const pair = comparable(a, b);
  if (pair) return accept(pair[0] - pair[1]);
  if (typeof a === 'string' && typeof b === 'string') return accept(a < b ? -1 : a > b ? 1 : 0);
  return false;
}
