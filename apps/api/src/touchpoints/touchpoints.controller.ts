import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TouchpointLogRepository } from '@touchpoint/core';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { touchpointDetailSchema, touchpointPageSchema } from './touchpoint.schema';
import { TouchpointExportService } from './touchpoint-export.service';
import {
  cursorParam,
  encodeCursor,
  touchpointExportQuerySchema,
  touchpointQuerySchema,
} from './touchpoint-query.schema';
import { touchpointDetailView, touchpointView } from './touchpoint.view';

class TouchpointQueryDto extends createZodDto(touchpointQuerySchema) {}
class TouchpointExportQueryDto extends createZodDto(touchpointExportQuerySchema) {}

@ApiTags('touchpoints')
@Controller('v1/touchpoints')
export class TouchpointsController {
  constructor(
    private readonly touchpoints: TouchpointLogRepository,
    private readonly exporter: TouchpointExportService,
  ) {}

  @Get()
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'The touchpoint log, newest first, with keyset pagination' })
  @ApiJsonResponse(200, 'TouchpointPage', touchpointPageSchema, 'One page of the log')
  @ApiProblems(400)
  async list(@Query() query: TouchpointQueryDto, @CurrentCaller() caller: Caller) {
    const cursor = cursorParam(query.cursor);
    const { limit, cursor: _raw, ...filter } = query;
    const rows = await this.touchpoints.list(filter, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((t) => touchpointView(t, caller.role)),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
    };
  }

  @Get('export')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary: 'Every matching touchpoint, newest first, streamed as CSV or NDJSON (masked for analysts)',
  })
  @ApiResponse({
    status: 200,
    description: 'The rows, streamed: CSV with a header line, or one JSON touchpoint a line',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/x-ndjson': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400)
  export(
    @Query() query: TouchpointExportQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() res: Response,
  ): Promise<void> {
    return this.exporter.write(res, query, caller.role);
  }

  @Get(':id')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'One touchpoint with its status trail and the message as the customer saw it (masked for analysts)',
  })
  @ApiJsonResponse(200, 'TouchpointDetail', touchpointDetailSchema, 'The touchpoint')
  @ApiProblems(404)
  async get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The touchpoint') }))
    id: string,
    @CurrentCaller() caller: Caller,
  ) {
    const row = await this.touchpoints.findWithEvents(id);
    if (!row) throw ProblemException.notFound('The touchpoint');
    return touchpointDetailView(row, caller.role);
  }
}
