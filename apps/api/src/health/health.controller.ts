import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import {
  checkDependencies,
  DB,
  ProviderCircuits,
  REDIS,
  type Database,
  type RedisClient,
} from '@touchpoint/core';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  redis: z.enum(['up', 'down']),
  database: z.enum(['up', 'down']),
  circuits: z
    .record(z.string(), z.object({ state: z.literal('open'), since: z.string(), nextProbeAt: z.string() }))
    .describe(
      'Providers whose circuit is open (consecutive transient failures): their messages wait, spending no attempt, while one probe tests the provider. An open circuit does not make this process unhealthy.',
    ),
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly circuits: ProviderCircuits,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Redis and database reachability (503 when either is down), and the providers whose circuit is open',
  })
  @ApiJsonResponse(200, 'Health', healthSchema, 'Both are up')
  @ApiJsonResponse(503, 'Health', healthSchema, 'One is down: `status` is `degraded`')
  async health(@Res({ passthrough: true }) res: Response) {
    const { ok, redis, database } = await checkDependencies(this.db, this.redis);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', redis, database, circuits: await this.openCircuits(redis) };
  }

  private async openCircuits(redis: 'up' | 'down') {
    if (redis === 'down') return {};
    const open = await this.circuits.open().catch(() => []);
    return Object.fromEntries(
      open.map((c) => [
        c.provider,
        { state: 'open' as const, since: c.openedAt.toISOString(), nextProbeAt: c.probeAt.toISOString() },
      ]),
    );
  }
}
