import { STAGES } from '@touchpoint/journeys';
import { TOUCHPOINT_STATUSES, type TouchpointCursor } from '@touchpoint/core';
import { z } from 'zod';

export const touchpointQuerySchema = z.object({
  journeyId: z.uuid().optional(),
  journeyVersion: z.coerce.number().int().positive().optional(),
  stepId: z.string().max(64).optional(),
  customerId: z.string().min(1).max(200).optional(),
  channel: z.enum(['sms', 'email', 'push', 'survey']).optional(),
  status: z.enum(TOUCHPOINT_STATUSES).optional(),
  stage: z.enum(STAGES).optional(),
  from: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export function encodeCursor(c: TouchpointCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString('base64url');
}

export function decodeCursor(raw: string): TouchpointCursor | undefined {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(createdAt);
    if (Number.isNaN(at.getTime()) || !z.uuid().safeParse(id).success) return undefined;
    return { createdAt: at, id };
  } catch {
    return undefined;
  }
}
