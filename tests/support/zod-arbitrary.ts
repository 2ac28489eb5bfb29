import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of zod 4's internal definition this walker reads. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  format?: string;
  pattern?: RegExp;
  catchall?: z.ZodType;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  url: () => fc.webUrl(),
  uuid: () => fc.uuid(),
  datetime: () =>
    fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
};

/** Values for patterns fast-check cannot generate from: durations, offsets and times of day. */
const SAMPLES = [
  'P3D',
  'PT2H',
  'PT5S',
  'P1DT12H',
  'P1W',
  'PT0.5S',
  '-P3D',
  'P0D',
  '10:00',
  '09:30',
  '23:59',
  '00:00',
];

/**
 * A fast-check arbitrary of values shaped by a zod 4 schema: the right types, field names, enums, literals
 * and patterns, so that mutations of them reach the checks behind the first type check. Refinements are
 * not honoured (a value may still be invalid); `depth` bounds recursive (lazy) schemas.
 */
export function arbitraryOf(schema: z.ZodType, depth = 3): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const check = (name: string) => checks.find((c) => c.check === name);
  switch (def.type) {
    case 'string': {
      const format = def.format ?? check('string_format')?.format;
      const pattern = def.pattern ?? check('string_format')?.pattern;
      if (format && format !== 'regex' && FORMATS[format]) return FORMATS[format]();
      const minLength = check('min_length')?.minimum ?? 0;
      const maxLength = Math.min(check('max_length')?.maximum ?? 40, 40);
      if (pattern) {
        const fits = (s: string) =>
          s.length >= minLength && s.length <= (check('max_length')?.maximum ?? Infinity);
        try {
          return fc.stringMatching(pattern).filter(fits);
        } catch {
          // fast-check cannot generate from every regex (lookaheads): pick from samples the pattern accepts.
          const samples = SAMPLES.filter((s) => pattern.test(s) && fits(s));
          return samples.length > 0 ? fc.constantFrom(...samples) : fc.string({ minLength, maxLength });
        }
      }
      return fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
    }
    case 'number': {
      const min = check('greater_than')?.value ?? -1e6;
      const max = check('less_than')?.value ?? 1e6;
      return checks.some((c) => c.format === 'safeint')
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'optional':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, depth), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, depth), { nil: null });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return arbitraryOf(def.innerType as z.ZodType, depth);
    case 'pipe':
      return arbitraryOf(def.in as z.ZodType, depth);
    case 'lazy':
      return depth <= 0 ? fc.constant({}) : arbitraryOf((def.getter as () => z.ZodType)(), depth - 1);
    case 'array': {
      const minLength = check('min_length')?.minimum ?? 0;
      const maxLength = Math.min(check('max_length')?.maximum ?? 4, Math.max(minLength, 4));
      return fc.array(arbitraryOf(def.element as z.ZodType, depth), { minLength, maxLength });
    }
    case 'record':
      return fc.dictionary(
        arbitraryOf(def.keyType as z.ZodType, depth) as fc.Arbitrary<string>,
        arbitraryOf(def.valueType as z.ZodType, depth),
        { maxKeys: 3 },
      );
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, depth)));
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, depth)]));
      // Optional fields come out undefined half the time; drop those keys so the JSON is what a client writes.
      return fc
        .record(fields)
        .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
