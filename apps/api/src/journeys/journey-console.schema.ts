import { STAGES } from '@touchpoint/journeys';
import { z } from 'zod';
import { instant, ordered } from '../analytics/analytics-query.schema';

/** What the console shows and edits beside the journeys API: schemas that validate and document. */

const period = {
  from: instant.optional().describe('At or after (ISO-8601); default 7 days before `to`.'),
  to: instant.optional().describe('Before (ISO-8601); default now.'),
};

export const periodQuerySchema = z.object(period).superRefine(ordered);

export const summaryQuerySchema = z
  .object({ ...period, status: z.enum(['active', 'paused', 'archived']).optional() })
  .superRefine(ordered);

const keyRef = z
  .object({
    keyId: z.uuid().nullable().describe('The API key; null for changes made before keys were recorded'),
    name: z.string().describe("The key's name"),
  })
  .describe('Who: the API key that did it');

export const journeySummarySchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      trigger: z.record(z.string(), z.unknown()).describe('The trigger, as the journey has it'),
      stage: z.enum(STAGES).nullable(),
      status: z.enum(['active', 'paused', 'archived']),
      version: z.int(),
      hasDraft: z.boolean(),
      updatedAt: z.iso.datetime(),
      updatedBy: keyRef.nullable().describe('Who made the last change (created, updated, paused…)'),
      numbers: z
        .object({
          entered: z.int().describe('Enrollments in the period'),
          sent: z.int().describe('Touchpoints created in the period that were sent'),
          delivered: z.int().describe('… and delivered'),
          converted: z.int().describe('Enrollments of the period that reached the goal within its window'),
        })
        .describe('For the period [from, to)'),
    }),
  ),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
});

/** Anything JSON, up to the body limit: a draft is work in progress and may not validate yet. */
export const draftBodySchema = z.object({
  definition: z
    .record(z.string(), z.unknown())
    .describe('The journey as POST /v1/journeys takes it; stored even when it does not validate yet'),
  baseVersion: z.int().positive().describe('The published version the draft was started from'),
});

export const draftSchema = z.object({
  journeyId: z.uuid(),
  definition: z.record(z.string(), z.unknown()),
  baseVersion: z.int(),
  updatedAt: z.iso.datetime(),
  updatedBy: keyRef,
});

export const journeyVersionSchema = z.object({
  journeyId: z.uuid(),
  version: z.int(),
  definition: z.record(z.string(), z.unknown()).describe('The journey as it was at that version'),
  createdAt: z.iso.datetime(),
  createdBy: keyRef,
});

const variantNumbers = z.object({ entered: z.int(), converted: z.int() });
export const stepStatsSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  steps: z
    .record(
      z.string(),
      z.object({
        entered: z.int().describe('Enrollments that reached the step in the period'),
        waiting: z.int().describe('Running enrollments waiting at the step now (whatever the period)'),
        sent: z.int(),
        delivered: z.int(),
        failed: z.int(),
        suppressed: z.record(z.string(), z.int()).describe('Suppressed messages by reason'),
        converted: z.int().describe('Send steps: touchpoints a goal event was attributed to (last touch)'),
        variants: z
          .record(z.string(), variantNumbers)
          .describe('Split steps: per variant, and the control group as `holdout`'),
      }),
    )
    .describe('By step id, every step of the current version'),
});

export const lifecyclePreviewSchema = z.object({
  waiting: z.int().describe('Customers inside the journey now'),
  pendingMessages: z.int().describe('Messages not sent yet: archive cancels them, pause holds them'),
});
