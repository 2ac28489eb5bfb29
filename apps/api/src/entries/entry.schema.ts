import { conditionSchema, type Condition } from '@touchpoint/journeys';
import { z } from 'zod';
import { customerIdSchema } from '../customers/customer.schema';

/** Customers one enrollment request may name: one transaction, one multi-row insert. */
export const ENROLLMENTS_MAX = 1_000;

export const enrollmentsBodySchema = z
  .strictObject({
    customerIds: z
      .array(customerIdSchema)
      .min(1)
      .max(ENROLLMENTS_MAX)
      .describe(`Customers to enroll, at most ${ENROLLMENTS_MAX}; a repeated id counts once.`),
  })
  .describe('Customers to enroll in the journey at its current version, as its trigger would.');
export type EnrollmentsBody = z.infer<typeof enrollmentsBodySchema>;

export const enrollmentResultSchema = z.object({
  customerId: z.string(),
  outcome: z
    .enum(['enrolled', 'already_enrolled', 'not_found', 'not_eligible'])
    .describe(
      'enrolled; already_enrolled (running in the journey now); not_found (no such customer); not_eligible (the re-entry rules refuse: see `reason`).',
    ),
  enrollmentId: z.uuid().optional().describe('The new enrollment, when enrolled.'),
  reason: z
    .enum(['entered_before', 'entry_limit', 'reentry_gap'])
    .optional()
    .describe(
      'Why not eligible: reentry `never` and enrolled before, `entryLimit` reached, or `reentryGap` not over.',
    ),
});

export const enrollmentsResultSchema = z.object({
  journeyId: z.uuid(),
  version: z.number().int().describe('The journey version the customers were enrolled in.'),
  counts: z.object({
    enrolled: z.number().int(),
    alreadyEnrolled: z.number().int(),
    notFound: z.number().int(),
    notEligible: z.number().int(),
  }),
  results: z.array(enrollmentResultSchema).describe('One per distinct customer id, in the order asked.'),
});
export type EnrollmentsResult = z.infer<typeof enrollmentsResultSchema>;

/** Where a broadcast's condition may look: the customer and their consent (there is no event). */
const BROADCAST_PATH = /^(customer|consent)\./;

function eventPaths(condition: Condition, path: (string | number)[]): { path: (string | number)[] }[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => eventPaths(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => eventPaths(c, [...path, 'any', i]));
  if ('not' in condition) return eventPaths(condition.not, [...path, 'not']);
  return BROADCAST_PATH.test(condition.path) ? [] : [{ path: [...path, 'path'] }];
}

export const broadcastBodySchema = z
  .strictObject({
    // No .describe() here: it would copy the named Condition schema (the body's description says it).
    condition: conditionSchema,
  })
  .superRefine((body, ctx) => {
    for (const issue of eventPaths(body.condition, ['condition'])) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: 'a broadcast has no event: paths start at customer or consent',
      });
    }
  })
  .describe(
    'Enroll every customer matching `condition` in the journey, chunk by chunk, in the worker. The condition looks at `customer.*` (id, email, phone, locale, timezone, attributes, consent) and `consent.*`; `event.*` is refused, a broadcast has no event.',
  );
export type BroadcastBody = z.infer<typeof broadcastBodySchema>;

export const broadcastViewSchema = z.object({
  id: z.uuid(),
  journeyId: z.uuid(),
  condition: z.unknown().describe('The condition, as given.'),
  status: z
    .enum(['running', 'completed', 'cancelled'])
    .describe(
      'running (or waiting for a worker, or for its paused journey to resume), completed, cancelled.',
    ),
  cursor: z
    .string()
    .nullable()
    .describe('The last customer id looked at (customers go in id order); null before the first chunk.'),
  progress: z.object({
    scanned: z.number().int().describe('Customers the database selected so far.'),
    matched: z.number().int().describe('Of those, the customers the condition matches.'),
    enrolled: z.number().int(),
    alreadyEnrolled: z.number().int(),
    notEligible: z.number().int().describe('Refused by the re-entry rules.'),
  }),
  endReason: z
    .string()
    .nullable()
    .describe('completed, cancelled (by a caller) or journey_archived; null while running.'),
  createdBy: z.string().describe('The name of the API key that started it.'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type BroadcastView = z.infer<typeof broadcastViewSchema>;
