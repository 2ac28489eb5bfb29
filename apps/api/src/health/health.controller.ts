import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { checkDependencies, DB, REDIS, type Database } from '@touchpoint/core';
import type { Redis } from 'ioredis';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import { Public } from '../auth/auth.decorators';

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
  async health(@Res({ passthrough: true }) res: Response) {
    const { ok, redis, database } = await checkDependencies(this.db, this.redis);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', redis, database };
  }
}
