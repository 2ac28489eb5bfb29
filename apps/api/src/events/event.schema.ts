import { z } from 'zod';
import { jsonRecord, text } from '@touchpoint/journeys';
import { customerIdSchema } from '../customers/customer.schema';

export const eventSchema = z.object({
  id: text()
    .min(1)
    .max(200)
    .optional()
    .describe('Idempotency key: an id already accepted is counted as a duplicate and has no effect'),
  customerId: customerIdSchema,
  name: text().min(1).max(200),
  properties: jsonRecord().default({}),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('ISO-8601; defaults to the time received'),
});

export const eventBatchSchema = z.object({ events: z.array(eventSchema).min(1) });

/** For the OpenAPI document: one event, or a batch. Validation picks the branch by shape. */
export const eventsBodySchema = z.union([eventSchema, eventBatchSchema]);
export type EventBody = z.output<typeof eventSchema>;
