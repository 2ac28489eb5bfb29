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

export const createApiKeySchema = z.object({
  name: text().trim().min(1).max(100).describe('Who or what uses the key; shown in journey history'),
  role: z.enum(ROLES as ['admin', 'marketer', 'analyst', 'ingest']),
});
class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}

const roleSchema = z.enum(ROLES as ['admin', 'marketer', 'analyst', 'ingest']);
const createdApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  key: z.string().describe('The key itself: shown this once, stored only hashed'),
  createdAt: z.iso.datetime(),
});
const apiKeyListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: roleSchema,
      createdAt: z.iso.datetime(),
      revokedAt: z.iso.datetime().nullable(),
    }),
  ),
});

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
  async create(@Body() body: CreateApiKeyDto) {
    const key = generateApiKey();
    const row = await this.keys.create({ name: body.name, role: body.role, key, at: this.clock.now() });
    return { id: row.id, name: row.name, role: row.role, key, createdAt: row.created_at };
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
      })),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(404)
  async revoke(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The API key') }))
    id: string,
  ) {
    if (!(await this.keys.revoke(id, this.clock.now()))) throw ProblemException.notFound('The API key');
    this.guard.forget();
  }
}
