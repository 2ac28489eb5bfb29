import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '@touchpoint/core';
import { text } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { cursorParam, encodeCursor } from '../touchpoints/touchpoint-query.schema';

const auditQuerySchema = z.object({
  action: text().max(100).optional().describe('`journey.published`, `api_key.revoked`, `customer.erased`…'),
  actorKeyId: z.uuid().optional().describe('Changes made with this API key (or its console sessions)'),
  targetType: z.enum(['journey', 'api_key', 'customer', 'settings']).optional(),
  targetId: text().max(200).optional().describe('An erased customer is `sha256:<hex of the customer id>`'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
class AuditQueryDto extends createZodDto(auditQuerySchema) {}

const auditPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      at: z.iso.datetime(),
      actor: z.object({
        keyId: z.uuid().nullable(),
        name: z.string().describe("The key's name when the change was made"),
        role: z.string().nullable(),
      }),
      action: z.string(),
      target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
      detail: z.record(z.string(), z.unknown()).nullable(),
      ip: z.string().nullable().describe('Where the request came from (behind a proxy, see TRUST_PROXY)'),
      requestId: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'The audit trail, newest first: keys created, rotated and revoked, journeys created, published, paused, resumed and archived, settings changed, customers erased, console sign-ins',
  })
  @ApiJsonResponse(200, 'AuditPage', auditPageSchema, 'One page of the trail')
  @ApiProblems(400)
  async list(@Query() query: AuditQueryDto) {
    const cursor = cursorParam(query.cursor);
    const { limit, cursor: _raw, from, to, ...filter } = query;
    const rows = await this.audit.page(
      { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      limit + 1,
      cursor && { at: new Date(cursor.createdAt), id: cursor.id },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((e) => ({
        id: e.id,
        at: e.at,
        actor: { keyId: e.actor_key_id, name: e.actor_name, role: e.actor_role },
        action: e.action,
        target: { type: e.target_type, id: e.target_id },
        detail: e.detail,
        ip: e.ip,
        requestId: e.request_id,
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.at.toISOString(), id: last.id }) : null,
    };
  }
}
