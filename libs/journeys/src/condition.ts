import { z } from 'zod';
import { jsonValue } from './text.schema';

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'exists',
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface PathCondition {
  path: string;
  op: ConditionOperator;
  value?: unknown;
}

export type Condition = PathCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const CONDITION_PATH_PATTERN = /^(customer|event|consent|context)(\.[^.\s]+)+$/;

const pathConditionSchema = z
  .strictObject({
    path: z
      .string()
      .regex(CONDITION_PATH_PATTERN, {
        message:
          'must be a dotted path starting at customer, event, consent or context, e.g. customer.attributes.tier',
      })
      .describe(
        'Dotted path starting at `customer`, `event`, `consent` or `context` (what earlier steps found out, by step id: `context.bought.event`), e.g. `customer.attributes.tier`.',
      ),
    op: z.enum(CONDITION_OPERATORS).describe('Comparison operator.'),
    value: jsonValue()
      .optional()
      .describe(
        'Value to compare with; an array for `in`; omitted for `exists` (or `false` for "does not exist").',
      ),
  })
  .superRefine((condition, ctx) => {
    if (condition.op === 'in' && !Array.isArray(condition.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'must be an array for op "in"',
        params: { code: 'JOURNEY.INVALID_CONDITION_VALUE' },
      });
    } else if (
      condition.op === 'exists' &&
      condition.value !== undefined &&
      typeof condition.value !== 'boolean'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'must be omitted or a boolean for op "exists"',
        params: { code: 'JOURNEY.INVALID_CONDITION_VALUE' },
      });
    } else if (condition.op !== 'exists' && condition.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `is required for op "${condition.op}"`,
        params: { code: 'JOURNEY.INVALID_CONDITION_VALUE' },
      });
    }
  });

/** A condition over customer, event and consent: a comparison, or `all`/`any`/`not` of conditions. */
export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      pathConditionSchema,
      z.strictObject({ all: z.array(conditionSchema).min(1).describe('True when every condition is true.') }),
      z.strictObject({
        any: z.array(conditionSchema).min(1).describe('True when at least one condition is true.'),
      }),
      // No .describe() on the recursive reference: each call would clone the lazy schema, endlessly.
      z.strictObject({ not: conditionSchema }),
    ]),
  )
  // A named schema: OpenAPI documents the recursion as a component that refers to itself.
  .meta({
    id: 'Condition',
    description:
      'A comparison `{ path, op, value }` (ops eq, ne, gt, gte, lt, lte, in, contains, exists), or `{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }`.',
  });
