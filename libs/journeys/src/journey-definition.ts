import { z } from 'zod';
import { text } from './text.schema';
import { whenParsed } from './when-parsed';
import { conditionSchema } from './condition';
import { durationSchema } from './duration.schema';
import { checkJourneyGraph } from './journey-graph';
import { quietHoursSchema } from './quiet-hours.schema';
import { STAGES } from './stage';
import { stepSchema } from './step';

const eventName = (what: string) => text().min(1).max(200).describe(what);

export const REENTRY_POLICIES = ['never', 'after_exit', 'always'] as const;
export type ReentryPolicy = (typeof REENTRY_POLICIES)[number];

/** The body of `POST /v1/journeys` (and `PUT`, `POST /v1/journeys/validate`). */
export const journeyDefinitionSchema = z
  .object({
    name: text().trim().min(1).max(200).describe('Name shown to marketers.'),
    description: text().max(2000).optional().describe('Free text.'),
    stage: z.enum(STAGES).describe('Lifecycle stage; every touchpoint of the journey carries it.'),
    trigger: z
      .strictObject({
        event: eventName('Event name that enrolls the customer.'),
        where: conditionSchema.optional().describe('Condition that narrows which events enroll.'),
      })
      .describe('What enrolls a customer.'),
    reentry: z
      .enum(REENTRY_POLICIES)
      .default('never')
      .describe(
        'Whether a customer may enroll again: never, after_exit (once the previous enrollment ended) or always (on every trigger; a customer runs a journey once at a time, so a new entry ends the running one with reason `reentered`).',
      ),
    reentryGap: durationSchema
      .optional()
      .describe(
        'Minimum time before a customer may enroll again, ISO-8601: counted from the end of the previous enrollment under after_exit, from its start under always.',
      ),
    entryLimit: z.number().int().min(1).optional().describe('Maximum number of enrollments per customer.'),
    exitOn: z
      .array(eventName('Event name.'))
      .default([])
      .describe('Events that end the enrollment and cancel what it has not sent yet.'),
    goal: z
      .strictObject({
        event: eventName('Conversion event name.'),
        within: durationSchema.describe('Attribution window after a touchpoint, ISO-8601.'),
      })
      .optional()
      .describe('Conversion goal, attributed to the last touchpoint.'),
    transactional: z.boolean().default(false).describe('Exempt from frequency caps.'),
    quietHours: quietHoursSchema.optional(),
    expiresAfter: durationSchema
      .optional()
      .describe(
        'How long each message of the journey stays worth sending after its step is reached, ISO-8601; a send step may say otherwise. A message held longer becomes `expired`, never sent late.',
      ),
    survey: z
      .strictObject({
        question: text().min(1).max(500).describe('Question shown on the survey page.'),
        scale: z.literal('nps').describe('Answer scale: nps (0 to 10).'),
      })
      .optional()
      .describe('NPS survey; templates then have `survey.url`.'),
    steps: z
      .array(stepSchema)
      .min(1)
      .max(500)
      .describe('Steps, run in array order unless a step names its successor.'),
  })
  .superRefine((journey, ctx) => {
    for (const issue of checkJourneyGraph(journey.steps)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        params: { code: issue.code },
      });
    }
    journey.steps.forEach((step, index) => {
      if (step.type === 'split' && step.variants.reduce((sum, variant) => sum + variant.weight, 0) <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'variants'],
          message: 'variant weights must sum to more than 0',
          params: { code: 'JOURNEY.SPLIT_WEIGHTS' },
        });
      }
      if (step.type === 'split') {
        const names = new Set<string>();
        step.variants.forEach((variant, i) => {
          if (names.has(variant.name)) {
            ctx.addIssue({
              code: 'custom',
              path: ['steps', index, 'variants', i, 'name'],
              message: `duplicate variant name "${variant.name}"`,
              params: { code: 'JOURNEY.DUPLICATE_VARIANT' },
            });
          }
          names.add(variant.name);
        });
      }
    });
  }, whenParsed('steps'))
  .describe('A journey: a trigger, steps, and the rules around them.');

export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;
export type JourneyDefinitionInput = z.input<typeof journeyDefinitionSchema>;
