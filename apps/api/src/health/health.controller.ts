import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { checkDependencies, DB, REDIS, type Database } from '@touchpoint/core';
import type { Redis } from 'ioredis';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  redis: z.enum(['up', 'down']),
  database: z.enum(['up', 'down']),
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Redis and database reachability; 503 when either is down' })
  @ApiJsonResponse(200, 'Health', healthSchema, 'Both are up')
  @ApiJsonResponse(503, 'Health', healthSchema, 'One is down: `status` is `degraded`')
  async health(@Res({ passthrough: true }) res: Response) {
    const { ok, redis, database } = await checkDependencies(this.db, this.redis);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', redis, database };
  }
}
