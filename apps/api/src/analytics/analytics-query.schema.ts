import { CHANNEL_NAMES, STAGES, whenParsed } from '@touchpoint/journeys';
import { z } from 'zod';

export const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const ordered = (q: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from.getTime() >= q.to.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  }
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
    minVolume: z.coerce
      .number()
      .int()
      .min(1)
      .default(100)
      .describe('Delivered messages a cell needs to be called the least engaging.'),
    minResponses: z.coerce
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Survey answers a cell needs to be called the lowest NPS.'),
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

const interval = z.enum(['day', 'week', 'month']).default('day').describe('Period length (UTC).');
const reportRange = {
  from: instant
    .optional()
    .describe('Touchpoints created at or after (ISO-8601); default 30 days before `to`.'),
  to: instant.optional().describe('Touchpoints created before (ISO-8601); default now.'),
};

export const seriesQuerySchema = z
  .object({
    ...reportRange,
    interval,
    journeyId: z.uuid().optional(),
    channel: z.enum(CHANNEL_NAMES).optional(),
    stage: z.enum(STAGES).optional(),
  })
  .superRefine(ordered, whenParsed('from', 'to'));

export const failuresQuerySchema = z
  .object({
    ...reportRange,
    journeyId: z.uuid().optional(),
    channel: z.enum(CHANNEL_NAMES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .superRefine(ordered, whenParsed('from', 'to'));

export const overviewQuerySchema = z
  .object({ ...reportRange, interval })
  .superRefine(ordered, whenParsed('from', 'to'));

export const journeyReportQuerySchema = z
  .object({
    version: z.coerce.number().int().positive().optional().describe('Only this version of the journey.'),
    from: instant.optional().describe('Touchpoints created, and enrollments made, at or after (ISO-8601).'),
    to: instant.optional().describe('… and before (ISO-8601).'),
    interval,
  })
  .superRefine(ordered, whenParsed('from', 'to'));

export const answersQuerySchema = z
  .object({
    from: instant.optional().describe('Answered at or after (ISO-8601).'),
    to: instant.optional().describe('Answered before (ISO-8601).'),
    journeyId: z.uuid().optional(),
    stage: z.enum(STAGES).optional(),
    category: z
      .enum(['promoter', 'passive', 'detractor'])
      .optional()
      .describe('Promoters 9–10, passives 7–8, detractors 0–6.'),
    search: z
      .string()
      .max(200)
      .optional()
      .describe('Words in the comment; empty: only answers with a comment.'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .superRefine(ordered, whenParsed('from', 'to'));
