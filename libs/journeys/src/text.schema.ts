import { z } from 'zod';

/** A UTF-16 surrogate without its pair: not text, and PostgreSQL either refuses it (jsonb) or alters it (text). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL stores the string as written: no NUL (text and jsonb refuse it), no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const UNSTORABLE_TEXT = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** A string of any request body: z.string() that refuses what the database could not store as sent. */
export const text = () => z.string().refine(isStorableText, { message: UNSTORABLE_TEXT, abort: true });

/** How deep free-form JSON (event properties, customer attributes, condition values) may nest. */
export const MAX_JSON_DEPTH = 32;

/**
 * The first problem in a free-form JSON value: a key or string the database cannot store, or too deep a
 * nesting. The path is built on the way back from the one problem found, not copied for every value.
 */
function jsonProblem(value: unknown, depth: number): { path: PropertyKey[]; message: string } | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { path: [], message: UNSTORABLE_TEXT };
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) {
    return { path: [], message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  }
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const at = isArray ? Number(key) : key;
    if (!isStorableText(key)) return { path: [at], message: `the key ${UNSTORABLE_TEXT}` };
    const found = jsonProblem((value as Record<string, unknown>)[key], depth + 1);
    if (found) {
      found.path.unshift(at);
      return found;
    }
  }
  return null;
}

/** Whether the database can store a free-form JSON value as sent (what jsonValue() accepts). */
export function isStorableJson(value: unknown): boolean {
  return jsonProblem(value, 0) === null;
}

/** Any JSON value the database can store: checked key by key, string by string, to a bounded depth. */
export const jsonValue = () =>
  z.unknown().superRefine((value, ctx) => {
    const problem = jsonProblem(value, 0);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

/** A free-form JSON object such as event properties or customer attributes. */
export const jsonRecord = () => z.record(text(), jsonValue());
