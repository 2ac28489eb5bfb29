import { STAGES, whenParsed } from '@touchpoint/journeys';
import { z } from 'zod';

export const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const ordered = (q: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from.getTime() >= q.to.getTime())
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
};

export const journeyStatsQuerySchema = z
  .object({
    version: z.coerce.number().int().positive().optional().describe('Only this version of the journey.'),
    from: instant.optional().describe('Touchpoints created, and enrollments made, at or after (ISO-8601).'),
    to: instant.optional().describe('… and before (ISO-8601).'),
  })
  .superRefine(ordered, whenParsed('from', 'to'));

export const stageQuerySchema = z
  .object({
    from: instant
      .optional()
      .describe('Touchpoints created at or after (ISO-8601); default 30 days before `to`.'),
    to: instant.optional().describe('Touchpoints created before (ISO-8601); default now.'),
  })
  .superRefine(ordered, whenParsed('from', 'to'));

export const npsQuerySchema = z
  .object({
    from: instant.optional().describe('Answers at or after (ISO-8601); default 90 days before `to`.'),
    to: instant.optional().describe('Answers before (ISO-8601); default now.'),
    interval: z.enum(['day', 'week', 'month']).default('week').describe('Period length (UTC).'),
    journeyId: z.uuid().optional(),
    stage: z.enum(STAGES).optional(),
  })
  .superRefine(ordered, whenParsed('from', 'to'));
