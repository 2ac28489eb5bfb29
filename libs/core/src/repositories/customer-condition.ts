import { type RawBuilder, sql } from 'kysely';

/**
 * A journey condition as the database sees it (the shape of `Condition` in @touchpoint/journeys, which
 * this library does not import): a comparison, or `all`/`any`/`not` of conditions.
 */
export type CustomerCondition =
  | { path: string; op: string; value?: unknown }
  | { all: CustomerCondition[] }
  | { any: CustomerCondition[] }
  | { not: CustomerCondition };

/**
 * A condition over the `customers` row as SQL. `exact` says whether it selects exactly the customers the
 * journey's own evaluation accepts; otherwise it selects a superset (what SQL cannot say the same way, such
 * as a number that may also be written as a numeric string, is left true), and the caller evaluates the
 * condition again on what it returns. Never null: a path that leads nowhere compares as missing.
 */
export interface ConditionSql {
  where: RawBuilder<boolean>;
  exact: boolean;
}

type Json = RawBuilder<unknown>;

const TRUE: ConditionSql = { where: sql<boolean>`true`, exact: false };
const constant = (value: boolean): ConditionSql => ({ where: sql<boolean>`${sql.lit(value)}`, exact: true });

/** Text columns a condition may read as `customer.<column>`. */
const TEXT_COLUMNS = new Set(['id', 'email', 'phone', 'locale', 'timezone']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

export function customerConditionSql(condition: CustomerCondition): ConditionSql {
  if ('all' in condition) return combine(condition.all.map(customerConditionSql), 'and');
  if ('any' in condition) return combine(condition.any.map(customerConditionSql), 'or');
  if ('not' in condition) {
    const inner = customerConditionSql(condition.not);
    // The negation of a superset is not a superset: only an exact condition can be negated in SQL.
    return inner.exact ? { where: sql<boolean>`(not ${inner.where})`, exact: true } : TRUE;
  }
  return comparison(condition);
}

function combine(parts: ConditionSql[], operator: 'and' | 'or'): ConditionSql {
  return {
    where: sql<boolean>`(${sql.join(
      parts.map((p) => p.where),
      sql.raw(` ${operator} `),
    )})`,
    exact: parts.every((p) => p.exact),
  };
}

function comparison(condition: { path: string; op: string; value?: unknown }): ConditionSql {
  const target = jsonAt(condition.path);
  if (target === 'inexact') return TRUE;
  if (target === undefined) return constant(comparesMissing(condition.op, condition.value));
  const compared = compare(target, condition.op, condition.value);
  return { where: sql<boolean>`coalesce(${compared.where}, false)`, exact: compared.exact };
}

/**
 * The JSON value at a dotted path of the customer (`customer.attributes.tier`, `consent.email`); undefined
 * where the path can lead nowhere, 'inexact' where jsonb reads it otherwise than the journey does (a
 * negative array index counts from the end in jsonb, `length` is a key in JavaScript).
 */
function jsonAt(path: string): Json | undefined | 'inexact' {
  const [root, ...keys] = path.split('.');
  if (keys.some((key) => key === 'length' || key.startsWith('-'))) return 'inexact';
  let base: Json;
  let rest: string[];
  if (root === 'consent') {
    [base, rest] = [sql`consent`, keys];
  } else if (root === 'customer' && (keys[0] === 'attributes' || keys[0] === 'consent')) {
    [base, rest] = [sql.ref(keys[0]), keys.slice(1)];
  } else if (root === 'customer' && TEXT_COLUMNS.has(keys[0]) && keys.length === 1) {
    [base, rest] = [sql`to_jsonb(${sql.ref(keys[0])})`, []];
  } else {
    return undefined;
  }
  return rest.length === 0 ? base : sql`(${base} #> ${rest}::text[])`;
}

/** What a comparison with a missing value gives, as the journey's evaluation has it. */
function comparesMissing(op: string, value: unknown): boolean {
  const isNullish = (v: unknown) => v === null || v === undefined;
  switch (op) {
    case 'exists':
      return value === false;
    case 'eq':
      return isNullish(value);
    case 'ne':
      return !isNullish(value);
    case 'in':
      return Array.isArray(value) && value.some(isNullish);
    default:
      return false;
  }
}

function compare(x: Json, op: string, value: unknown): ConditionSql {
  switch (op) {
    case 'exists': {
      const present = sql<boolean>`(coalesce(jsonb_typeof(${x}), 'null') <> 'null')`;
      return { where: value === false ? sql<boolean>`(not ${present})` : present, exact: true };
    }
    case 'eq':
      return equals(x, value);
    case 'ne': {
      const eq = equals(x, value);
      return eq.exact ? { where: sql<boolean>`(not coalesce(${eq.where}, false))`, exact: true } : TRUE;
    }
    case 'in':
      return Array.isArray(value)
        ? combine([constant(false), ...value.map((v) => equals(x, v))], 'or')
        : TRUE;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return order(x, op, value);
    case 'contains':
      return contains(x, value);
    default:
      return TRUE;
  }
}

const looksNumeric = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));
const typeIs = (x: Json, ...types: string[]) =>
  sql<boolean>`(jsonb_typeof(${x}) in (${sql.join(types.map((t) => sql.lit(t)))}))`;

/**
 * Equality as the journey has it: identical JSON, except that a number equals its numeric string and two
 * ISO dates are equal at the same instant (those cases select every value of a type that might match).
 */
function equals(x: Json, value: unknown): ConditionSql {
  if (value === null || value === undefined) {
    return { where: sql<boolean>`(coalesce(jsonb_typeof(${x}), 'null') = 'null')`, exact: true };
  }
  if (typeof value === 'boolean') {
    return { where: sql<boolean>`(${x} = ${JSON.stringify(value)}::jsonb)`, exact: true };
  }
  if (typeof value === 'number') {
    return {
      where: sql<boolean>`(${x} = ${JSON.stringify(value)}::jsonb or jsonb_typeof(${x}) = 'string')`,
      exact: false,
    };
  }
  if (typeof value === 'string') {
    if (looksNumeric(value) || ISO_DATE.test(value)) {
      return { where: typeIs(x, 'string', 'number'), exact: false };
    }
    return { where: sql<boolean>`(${x} = to_jsonb(${value}::text))`, exact: true };
  }
  return { where: typeIs(x, Array.isArray(value) ? 'array' : 'object'), exact: false };
}

const ORDER: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** Ordering: numbers against a number (numeric strings too), dates, else strings against a string. */
function order(x: Json, op: string, value: unknown): ConditionSql {
  if (typeof value === 'number') {
    return {
      where: sql<boolean>`((jsonb_typeof(${x}) = 'number' and (${x})::numeric ${sql.raw(ORDER[op])} ${value}) or jsonb_typeof(${x}) = 'string')`,
      exact: false,
    };
  }
  if (typeof value === 'string') {
    // Strings order by UTF-16 unit in JavaScript, by code point under "C": the same but for rare characters.
    const strings = sql<boolean>`(jsonb_typeof(${x}) = 'string' and (${x} #>> '{}') collate "C" ${sql.raw(ORDER[op])} ${value})`;
    if (looksNumeric(value)) return { where: typeIs(x, 'string', 'number'), exact: false };
    return { where: ISO_DATE.test(value) ? typeIs(x, 'string') : strings, exact: false };
  }
  return constant(false);
}

/** A string that includes the text of the value, or an array with an element equal to it. */
function contains(x: Json, value: unknown): ConditionSql {
  const element = equals(sql`e.value`, value);
  const inString =
    value === null || value === undefined
      ? sql<boolean>`false`
      : sql<boolean>`strpos(${x} #>> '{}', ${String(value)}) > 0`;
  const inArray = element.exact
    ? sql<boolean>`exists (select 1 from jsonb_array_elements(${x}) as e(value) where coalesce(${element.where}, false))`
    : sql<boolean>`true`;
  return {
    where: sql<boolean>`(case jsonb_typeof(${x}) when 'string' then ${inString} when 'array' then ${inArray} else false end)`,
    exact: element.exact,
  };
}
