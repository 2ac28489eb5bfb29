import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DB, REDIS, type Database } from '@touchpoint/core';
import type { Redis } from 'ioredis';
import type { Response } from 'express';
import { sql, type Kysely } from 'kysely';
import { Public } from '../auth/auth.decorators';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

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
    const [redis, database] = await Promise.all([
      within(1_000, this.redis.ping())
        .then(() => 'up' as const)
        .catch(() => 'down' as const),
      within(1_000, sql`select 1`.execute(this.db))
        .then(() => 'up' as const)
        .catch(() => 'down' as const),
    ]);
    const ok = redis === 'up' && database === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', redis, database };
  }
}
