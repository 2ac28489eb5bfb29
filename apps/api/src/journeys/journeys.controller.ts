import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JourneyRepository } from '@touchpoint/core';
import { journeyDefinitionSchema } from '@touchpoint/journeys';
import { z } from 'zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { journeyView, JourneyService } from './journey.service';

const journeyBody = z.toJSONSchema(journeyDefinitionSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as object;
const listQuery = z.object({
  status: z.enum(['active', 'paused', 'archived']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
function journeyIdPipe() {
  return new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The journey') });
}

@ApiTags('journeys')
@Controller('v1/journeys')
export class JourneysController {
  constructor(
    private readonly service: JourneyService,
    private readonly journeys: JourneyRepository,
  ) {}

  @Post()
  @Roles('marketer')
  @ApiOperation({ summary: 'Create a journey (version 1, active)' })
  @ApiBody({ schema: journeyBody })
  create(@Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.service.create(body, caller.name);
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({ summary: 'Validate a journey without saving it' })
  @ApiBody({ schema: journeyBody })
  validate(@Body() body: unknown) {
    this.service.validate(body);
    return { valid: true };
  }

  @Get()
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'List journeys, newest first' })
  async list(@Query() query: Record<string, string>) {
    const parsed = listQuery.safeParse(query);
    if (!parsed.success) {
      throw ProblemException.validation(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    return { items: (await this.journeys.list(parsed.data)).map(journeyView) };
  }

  @Get(':id')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Read a journey at its current version' })
  get(@Param('id', journeyIdPipe()) id: string) {
    return this.service.get(id);
  }
}
