import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyRepository, Clock, generateApiKey, ROLES } from '@touchpoint/core';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '@touchpoint/journeys';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Roles } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { Audited, type AuditContext, paramId, resultId } from '../audit/audited.decorator';

/** A key lives at most this long: a forgotten key should not outlive a decade. */
const MAX_KEY_LIFETIME_DAYS = 3_650;

const expiresAtSchema = z.iso
  .datetime({ offset: true, abort: true })
  .refine((iso) => new Date(iso).getTime() > Date.now(), { message: 'must be in the future' })
  .refine((iso) => new Date(iso).getTime() < Date.now() + MAX_KEY_LIFETIME_DAYS * 86_400_000, {
    message: `must be within ${MAX_KEY_LIFETIME_DAYS} days`,
  })
  .optional()
  .describe('When the key stops working; never when omitted');

export const createApiKeySchema = z.object({
  name: text().trim().min(1).max(100).describe('Who or what uses the key; shown in journey history'),
  role: z.enum(ROLES as ['admin', 'marketer', 'analyst', 'ingest']),
  expiresAt: expiresAtSchema,
});
class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}

const rotateApiKeySchema = z.object({
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60)
    .default(24 * 60)
    .describe('How long the old key keeps working, so every client can switch (default a day; 0: at once)'),
  expiresAt: expiresAtSchema.describe('When the new key stops working; never when omitted'),
});
class RotateApiKeyDto extends createZodDto(rotateApiKeySchema) {}

const roleSchema = z.enum(ROLES as ['admin', 'marketer', 'analyst', 'ingest']);
const createdApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  key: z.string().describe('The key itself: shown this once, stored only hashed'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
});
const rotatedApiKeySchema = createdApiKeySchema.extend({
  rotatedFrom: z.uuid().describe('The key this one replaces'),
  oldKeyExpiresAt: z.iso.datetime().describe('When the old key stops working'),
});
const apiKeyListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: roleSchema,
      createdAt: z.iso.datetime(),
      revokedAt: z.iso.datetime().nullable(),
      expiresAt: z.iso.datetime().nullable(),
      lastUsedAt: z.iso.datetime().nullable().describe('The last request made with it, to the minute'),
      rotatedFrom: z.uuid().nullable().describe('The key it replaced, when it was made by a rotation'),
    }),
  ),
});

const keyDetail = ({ result }: AuditContext) => {
  const key = result as { name: string; role: string; expiresAt: Date | null };
  return { name: key.name, role: key.role, expiresAt: key.expiresAt };
};

@ApiTags('api-keys')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
    @Inject(ApiKeyGuard) private readonly guard: ApiKeyGuard,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an API key; the key is shown once and stored hashed' })
  @ApiJsonResponse(201, 'CreatedApiKey', createdApiKeySchema, 'The key, shown this once')
  @ApiJsonBodyProblems()
  @Audited({ action: 'api_key.created', target: 'api_key', targetId: resultId, detail: keyDetail })
  async create(@Body() body: CreateApiKeyDto) {
    const key = generateApiKey();
    const row = await this.keys.create({
      name: body.name,
      role: body.role,
      key,
      at: this.clock.now(),
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
    });
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      key,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  @Post(':id/rotate')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Rotate a key: a new key with the same name and role (shown once); the old one keeps working for graceMinutes',
  })
  @ApiJsonResponse(201, 'RotatedApiKey', rotatedApiKeySchema, 'The new key, shown this once')
  @ApiJsonBodyProblems()
  @ApiProblems([404, 'No such key, or it is revoked or expired'])
  @Audited({
    action: 'api_key.rotated',
    target: 'api_key',
    targetId: paramId,
    detail: ({ result }) => {
      const rotated = result as { id: string; oldKeyExpiresAt: Date };
      return { newKeyId: rotated.id, oldKeyExpiresAt: rotated.oldKeyExpiresAt };
    },
  })
  async rotate(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The API key') }))
    id: string,
    @Body() body: RotateApiKeyDto,
  ) {
    const now = this.clock.now();
    const key = generateApiKey();
    const rotated = await this.keys.rotate(id, {
      key,
      at: now,
      graceUntil: new Date(now.getTime() + body.graceMinutes * 60_000),
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
    });
    if (!rotated) throw ProblemException.notFound('The API key');
    this.guard.forget();
    const row = rotated.created;
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      key,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      rotatedFrom: id,
      oldKeyExpiresAt: rotated.oldExpiresAt,
    };
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiJsonResponse(200, 'ApiKeyList', apiKeyListSchema, 'The keys, revoked ones included')
  async list() {
    const rows = await this.keys.list();
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
        expiresAt: r.expires_at,
        lastUsedAt: r.last_used_at,
        rotatedFrom: r.rotated_from,
      })),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(404)
  @Audited({ action: 'api_key.revoked', target: 'api_key', targetId: paramId })
  async revoke(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The API key') }))
    id: string,
  ) {
    if (!(await this.keys.revoke(id, this.clock.now()))) throw ProblemException.notFound('The API key');
    this.guard.forget();
  }
}
