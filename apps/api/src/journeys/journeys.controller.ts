import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JourneyRepository } from '@touchpoint/core';
import { journeyDefinitionSchema } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { JourneySimulationService, simulationBodySchema } from './journey-simulation.service';
import { journeyView, JourneyService } from './journey.service';

class SimulationBodyDto extends createZodDto(simulationBodySchema) {}

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
    private readonly simulation: JourneySimulationService,
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

  @Put(':id')
  @Roles('marketer')
  @ApiOperation({ summary: 'Publish a new version; running enrollments finish on the version they started' })
  @ApiBody({ schema: journeyBody })
  update(@Param('id', journeyIdPipe()) id: string, @Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.service.update(id, body, caller.name);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({ summary: 'Pause: no new enrollments, steps that come due are held until resume' })
  pause(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.pause(id, caller.name);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: 'Resume a paused journey: what came due meanwhile goes out now (409 when archived)',
  })
  resume(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.resume(id, caller.name);
  }

  @Delete(':id')
  @Roles('marketer')
  @ApiOperation({ summary: 'Archive: no new enrollments, running ones end, unsent messages are cancelled' })
  archive(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.archive(id, caller.name);
  }

  @Get(':id/history')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Every change to the journey: what, by which API key, and when' })
  history(@Param('id', journeyIdPipe()) id: string) {
    return this.service.history(id);
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: 'What the journey would do for a customer and a timeline of events; sends and stores nothing',
  })
  simulate(@Param('id', journeyIdPipe()) id: string, @Body() body: SimulationBodyDto) {
    return this.simulation.simulate(id, body);
  }
}
