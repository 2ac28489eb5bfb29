import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TouchpointRepository } from '@touchpoint/core';
import { createZodDto } from 'nestjs-zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { decodeCursor, encodeCursor, touchpointQuerySchema } from './touchpoint-query.schema';
import { touchpointView } from './touchpoint.view';

class TouchpointQueryDto extends createZodDto(touchpointQuerySchema) {}

@ApiTags('touchpoints')
@Controller('v1/touchpoints')
export class TouchpointsController {
  constructor(private readonly touchpoints: TouchpointRepository) {}

  @Get()
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'The touchpoint log, newest first, with keyset pagination' })
  async list(@Query() query: TouchpointQueryDto, @CurrentCaller() caller: Caller) {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw ProblemException.validation([{ path: 'cursor', message: 'not a cursor this API returned' }]);
    }
    const { limit, cursor: _raw, ...filter } = query;
    const rows = await this.touchpoints.list(filter, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((t) => touchpointView(t, caller.role)),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  }
}
