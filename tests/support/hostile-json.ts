import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const nested = (depth: number, leaf: Json): Json => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Strings a careless or hostile client sends: control characters, broken UTF-16, bidi tricks, size. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    '\u202egnp.exe',
    '\ufeff',
    '﷽',
    '👩‍👩‍👧‍👦',
    'سلام',
    '__proto__',
    'constructor',
    'toString',
    '{{ customer.constructor }}',
    '{% for i in (1..100000000) %}x{% endfor %}',
    "'; drop table journeys; --",
    '../../etc/passwd',
    'P3D',
    '-P3D',
    'PT0S',
    'P99999999999Y',
    '25:61',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-11-22T09:30:00+25:00',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.constantFrom(10_000, 70_000).map((n) => 'ø'.repeat(n)),
);

/** Numbers at the edges (JSON has no NaN or Infinity: those arrive as null). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value in place of whatever was there: the wrong type, odd text, edge numbers, empty, huge or deep. */
export const hostileValue = (original: Json): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.constantFrom<Json>(null, true, false, [], {}, [[]], [null]),
    hostileString,
    hostileNumber,
    fc.constantFrom(20, 100, 1_000).map((depth) => nested(depth, original)),
    fc.constantFrom(1_000, 5_000).map((n) => Array.from({ length: n }, () => original)),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  );

/** Keys a hostile client adds to an object. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '',
    '\u0000',
    '\ud800',
    'extra',
    'ø'.repeat(300),
  ),
  fc.string({ maxLength: 10 }),
);

/** Every path into a JSON value, the root included, most of them the containers and leaves a schema names. */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  // Deeper than a journey's conditions go, a mutation adds nothing new (and 5,000 levels from an earlier one would overflow).
  if (prefix.length > 12) return paths;
  if (Array.isArray(value)) {
    // Look at a few elements only: a 20,000-item array from an earlier mutation is not 20,000 paths.
    value.slice(0, 8).forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

export function getAt(value: Json, path: Path): Json | undefined {
  let at: Json | undefined = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Object.prototype.hasOwnProperty.call(at, key) ? (at as Record<string, Json>)[key] : undefined;
  }
  return at;
}

/** A copy with `path` replaced by `next` (undefined deletes it); own properties only, `__proto__` included. */
export function setAt(value: Json, path: Path, next: Json | undefined): Json | undefined {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const child = setAt(copy[head as number], rest, next);
    if (child === undefined) copy.splice(head as number, 1);
    else copy[head as number] = child;
    return copy;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([k]) => k !== String(head));
  const child = setAt(value[String(head)], rest, next);
  return Object.fromEntries(child === undefined ? entries : [...entries, [String(head), child]]);
}

type Mutation = (value: Json) => fc.Arbitrary<Json>;

const replaceOne: Mutation = (value) => {
  const paths = pathsOf(value);
  return fc
    .nat({ max: paths.length - 1 })
    .chain((i) =>
      hostileValue(getAt(value, paths[i]) ?? null).map((next) => setAt(value, paths[i], next) ?? null),
    );
};

const deleteOne: Mutation = (value) => {
  const paths = pathsOf(value).filter((p) => p.length > 0);
  if (paths.length === 0) return fc.constant(value);
  return fc.nat({ max: paths.length - 1 }).map((i) => setAt(value, paths[i], undefined) ?? null);
};

const addKey: Mutation = (value) => {
  const objects = pathsOf(value).filter((p) => {
    const at = getAt(value, p);
    return at !== null && typeof at === 'object' && !Array.isArray(at);
  });
  if (objects.length === 0) return fc.constant(value);
  return fc
    .tuple(
      fc.nat({ max: objects.length - 1 }),
      hostileKey,
      fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
    )
    .map(([i, key, extra]) => setAt(value, [...objects[i], key], extra) ?? null);
};

/** Under the 1 MB body limit: a bigger body gets its 413 before the client has sent it all, which fetch reports as a failure. */
const MAX_BODY_CHARS = 500_000;

/** `value` with one to three hostile edits: a value replaced, a field dropped, an unknown key added. */
export function mutated(value: Json): fc.Arbitrary<Json> {
  const once = (v: Json) => fc.oneof(replaceOne(v), replaceOne(v), deleteOne(v), addKey(v));
  return fc
    .integer({ min: 1, max: 3 })
    .chain((n) => {
      let arb = fc.constant(value);
      for (let i = 0; i < n; i += 1) arb = arb.chain(once);
      return arb;
    })
    .filter((v) => jsonLengthBelow(v, MAX_BODY_CHARS));
}

/**
 * Whether `value` serialises to fewer than `limit` characters, found without serialising it: a 5,000-item
 * array of a 5,000-item array of the body shares its elements in memory but is gigabytes as text, more
 * than a JavaScript string can hold. Walks until the count passes `limit`, then stops.
 */
export function jsonLengthBelow(value: Json, limit: number): boolean {
  let length = 0;
  const walk = (v: Json): boolean => {
    if (v === null || typeof v !== 'object') {
      length += JSON.stringify(v).length;
      return length < limit;
    }
    const entries: [string | null, Json][] = Array.isArray(v)
      ? v.map((item) => [null, item])
      : Object.entries(v);
    length += 2 + Math.max(entries.length - 1, 0); // brackets or braces, and the commas between items
    for (const [key, item] of entries) {
      if (key !== null) length += JSON.stringify(key).length + 1; // the key and its colon
      if (length >= limit || !walk(item)) return false;
    }
    return length < limit;
  };
  return walk(value);
}

/**
 * Whether a problem's dotted path names something in the request: a field that is there, or one missing
 * from an object that is. Keys may hold dots themselves, so every way of splitting the path is tried.
 */
export function pathExistsIn(request: unknown, dotted: string): boolean {
  if (dotted === '') return true;
  if (request === null || typeof request !== 'object') return false;
  const keys = Object.keys(request);
  for (const key of keys) {
    if (dotted === key) return true;
    if (
      dotted.startsWith(`${key}.`) &&
      pathExistsIn((request as Record<string, unknown>)[key], dotted.slice(key.length + 1))
    ) {
      return true;
    }
  }
  return !Array.isArray(request) && !dotted.includes('.');
}
