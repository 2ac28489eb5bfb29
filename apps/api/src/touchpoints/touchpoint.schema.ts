import { TOUCHPOINT_STATUSES } from '@touchpoint/core';
import { STAGES, templateFieldsSummary, TOUCHPOINT_CHANNELS } from '@touchpoint/journeys';
import { z } from 'zod';

const timestamp = z.iso.datetime();

/** A touchpoint as the API writes it (touchpointView). */
export const touchpointViewSchema = z.object({
  id: z.uuid(),
  customerId: z.string(),
  journeyId: z.uuid().nullable(),
  journeyVersion: z.number().int().nullable(),
  stepId: z.string().nullable(),
  stage: z.enum(STAGES).nullable(),
  channel: z.enum(TOUCHPOINT_CHANNELS),
  status: z.enum(TOUCHPOINT_STATUSES),
  to: z.string().nullable().describe('The address it went to; masked for analysts'),
  text: z
    .string()
    .nullable()
    .describe('What the customer read first: the SMS body, email subject or push title; masked for analysts'),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  scheduledFor: timestamp.nullable(),
  sentAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  error: z
    .string()
    .nullable()
    .describe('A stable code: no_consent, frequency_cap, the provider’s error code…'),
  errorMessage: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  score: z.number().int().nullable().describe('A survey answer’s 0–10 score'),
  comment: z.string().nullable(),
  surveyOf: z.uuid().nullable().describe('A survey answer’s touchpoint: the one that carried the link'),
  createdAt: timestamp,
  events: z.array(z.object({ status: z.enum(TOUCHPOINT_STATUSES), at: timestamp })),
});

export const touchpointPageSchema = z.object({
  items: z.array(touchpointViewSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export const touchpointListSchema = z.object({ items: z.array(touchpointViewSchema) });

export const touchpointDetailSchema = touchpointViewSchema.extend({
  message: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      `The message as rendered for the customer (${templateFieldsSummary()}); null before it was rendered or after erasure`,
    ),
});
