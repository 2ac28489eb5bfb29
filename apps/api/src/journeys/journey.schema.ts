import { JOURNEY_CHANNELS, journeyDefinitionSchema } from '@touchpoint/journeys';
import { z } from 'zod';

const timestamp = z.iso.datetime();

/** A journey at its current version: its definition with its id, version and status (journeyView). */
export const journeyViewSchema = journeyDefinitionSchema.safeExtend({
  id: z.uuid(),
  version: z.number().int().min(1),
  status: z.enum(['active', 'paused', 'archived']),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const journeyListSchema = z.object({ items: z.array(journeyViewSchema) });

export const journeyHistorySchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      action: z.string().describe('created, updated, paused, resumed or archived'),
      actor: z.string().describe('The name of the API key that did it'),
      actorKeyId: z.uuid().nullable().describe('Its id; null for changes recorded before key ids were'),
      at: timestamp,
    }),
  ),
});

export const journeyValidSchema = z.object({ valid: z.literal(true) });

export const simulationResultSchema = z.object({
  version: z.number().int(),
  enrolled: z.boolean(),
  timezone: z.string(),
  variant: z.string().nullable(),
  reason: z.string().nullable().describe('Why the customer would not enter, or why the walk stopped early'),
  steps: z.array(
    z.object({
      stepId: z.string(),
      action: z.enum(['wait', 'send', 'hold', 'suppress', 'branch', 'update', 'call', 'exit']),
      at: timestamp,
      localTime: z.string().describe('`at` in the customer’s timezone, ISO-8601 with its offset'),
      channel: z.enum(JOURNEY_CHANNELS).nullable(),
      rendered: z.record(z.string(), z.unknown()).nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
