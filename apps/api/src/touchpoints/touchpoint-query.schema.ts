import { STAGES, TOUCHPOINT_CHANNELS, text } from '@touchpoint/journeys';
import { TOUCHPOINT_STATUSES, type TouchpointCursor } from '@touchpoint/core';
import { z } from 'zod';
import { ProblemException } from '../http/problem';

const instant = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .optional();

/** The log's filters, shared by the list and the export. */
const touchpointFilterShape = z.object({
  journeyId: z.uuid().optional(),
  journeyVersion: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Needs journeyId: versions are numbered per journey.'),
  stepId: text().max(64).optional().describe('Needs journeyId: step ids are named per journey.'),
  customerId: text().min(1).max(200).optional(),
  channel: z.enum(TOUCHPOINT_CHANNELS).optional(),
  status: z.enum(TOUCHPOINT_STATUSES).optional(),
  stage: z.enum(STAGES).optional(),
  from: instant.describe('Created at or after (ISO-8601).'),
  to: instant.describe('Created before (ISO-8601).'),
});

/** Each filter the log accepts is served by an index (0004_analytics); these two only under journeyId. */
function requireJourneyFor(
  query: { journeyId?: string; journeyVersion?: number; stepId?: string },
  ctx: z.RefinementCtx,
) {
  for (const field of ['journeyVersion', 'stepId'] as const) {
    if (query[field] !== undefined && query.journeyId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} needs journeyId: it names something inside one journey`,
      });
    }
  }
}

export const touchpointQuerySchema = touchpointFilterShape
  .extend({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .superRefine(requireJourneyFor);

export const touchpointExportQuerySchema = touchpointFilterShape
  .extend({
    format: z.enum(['csv', 'ndjson']).default('csv'),
    bom: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('Start the CSV with a UTF-8 byte order mark, for spreadsheet programs.'),
  })
  .superRefine(requireJourneyFor);

export type TouchpointExportQuery = z.output<typeof touchpointExportQuerySchema>;

/** The cursor keeps created_at to the microsecond: a millisecond cursor could skip or repeat rows. */
export function encodeCursor(c: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

/** The `cursor` query parameter, decoded; 400 naming `cursor` for one this API did not give. */
export function cursorParam(raw: string | undefined): TouchpointCursor | undefined {
  if (raw === undefined) return undefined;
  const cursor = decodeCursor(raw);
  if (!cursor) {
    throw ProblemException.validation([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return cursor;
}

function decodeCursor(raw: string): TouchpointCursor | undefined {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    if (
      typeof createdAt !== 'string' ||
      !z.iso.datetime({ offset: true }).safeParse(createdAt).success ||
      !z.uuid().safeParse(id).success
    ) {
      return undefined;
    }
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
