import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JourneyRepository } from '@touchpoint/core';
import { journeyDefinitionSchema } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { journeySummarySchema, summaryQuerySchema } from './journey-console.schema';
import { JourneyInsightsService } from './journey-insights.service';
import { actorOf, journeyIdPipe } from './journey-params';
import { JourneySimulationService, simulationBodySchema } from './journey-simulation.service';
import { journeyView, JourneyService } from './journey.service';
import {
  journeyHistorySchema,
  journeyListSchema,
  journeyValidSchema,
  journeyViewSchema,
  simulationResultSchema,
} from './journey.schema';
import { Audited, journeyDetail, paramId, resultId } from '../audit/audited.decorator';

class SimulationBodyDto extends createZodDto(simulationBodySchema) {}
class SummaryQueryDto extends createZodDto(summaryQuerySchema) {}

// Documents the body only: JourneyService validates it, so its problems carry the journey's own codes.
class JourneyDefinitionDto extends createZodDto(journeyDefinitionSchema) {}
const journeyListQuerySchema = z.object({
  status: z.enum(['active', 'paused', 'archived']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
class JourneyListQueryDto extends createZodDto(journeyListQuerySchema) {}

@ApiTags('journeys')
@Controller('v1/journeys')
export class JourneysController {
  constructor(
    private readonly service: JourneyService,
    private readonly journeys: JourneyRepository,
    private readonly simulation: JourneySimulationService,
    private readonly insights: JourneyInsightsService,
  ) {}

  @Post()
  @Roles('marketer')
  @ApiOperation({ summary: 'Create a journey (version 1, active)' })
  @ApiBody({ type: JourneyDefinitionDto })
  @ApiJsonResponse(201, 'Journey', journeyViewSchema, 'The journey, active at version 1')
  @ApiJsonBodyProblems()
  @ApiProblems([409, 'Another live journey has this name'])
  @Audited({ action: 'journey.created', target: 'journey', targetId: resultId, detail: journeyDetail })
  create(@Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.service.create(body, actorOf(caller));
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({ summary: 'Validate a journey without saving it' })
  @ApiBody({ type: JourneyDefinitionDto })
  @ApiJsonResponse(200, 'JourneyValid', journeyValidSchema, 'The journey could be saved as it is')
  @ApiJsonBodyProblems()
  validate(@Body() body: unknown) {
    this.service.validate(body);
    return { valid: true };
  }

  @Get()
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'List journeys, newest first' })
  @ApiJsonResponse(200, 'JourneyList', journeyListSchema, 'The journeys')
  @ApiProblems(400)
  async list(@Query() query: JourneyListQueryDto) {
    return { items: (await this.journeys.list(query)).map(journeyView) };
  }

  // Before `:id`: Express matches routes in the order they are declared.
  @Get('summary')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'Every journey with who changed it last, whether it has a draft, and its numbers for a period (default the last 7 days), in one request',
  })
  @ApiJsonResponse(200, 'JourneySummary', journeySummarySchema, 'The journeys with their numbers')
  @ApiProblems(400)
  summary(@Query() query: SummaryQueryDto) {
    return this.insights.summary(query);
  }

  @Get(':id')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Read a journey at its current version' })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The journey')
  @ApiProblems(404)
  get(@Param('id', journeyIdPipe()) id: string) {
    return this.service.get(id);
  }

  @Put(':id')
  @Roles('marketer')
  @ApiOperation({ summary: 'Publish a new version; running enrollments finish on the version they started' })
  @ApiBody({ type: JourneyDefinitionDto })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The journey at its new version')
  @ApiJsonBodyProblems()
  @ApiProblems(404, [409, 'Another live journey has this name, or the journey is archived'])
  @Audited({ action: 'journey.published', target: 'journey', targetId: paramId, detail: journeyDetail })
  update(@Param('id', journeyIdPipe()) id: string, @Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.service.update(id, body, actorOf(caller));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({ summary: 'Pause: no new enrollments, steps that come due are held until resume' })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The paused journey')
  @ApiProblems(404, [409, 'The journey is archived'])
  @Audited({ action: 'journey.paused', target: 'journey', targetId: paramId, detail: journeyDetail })
  pause(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.pause(id, actorOf(caller));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: 'Resume a paused journey: what came due meanwhile goes out now (409 when archived)',
  })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The active journey')
  @ApiProblems(404, [409, 'The journey is archived'])
  @Audited({ action: 'journey.resumed', target: 'journey', targetId: paramId, detail: journeyDetail })
  resume(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.resume(id, actorOf(caller));
  }

  @Delete(':id')
  @Roles('marketer')
  @ApiOperation({ summary: 'Archive: no new enrollments, running ones end, unsent messages are cancelled' })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The archived journey')
  @ApiProblems(404, [409, 'The journey is already archived'])
  @Audited({ action: 'journey.archived', target: 'journey', targetId: paramId, detail: journeyDetail })
  archive(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.service.archive(id, actorOf(caller));
  }

  @Get(':id/history')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Every change to the journey: what, by which API key, and when' })
  @ApiJsonResponse(200, 'JourneyHistory', journeyHistorySchema, 'The changes, oldest first')
  @ApiProblems(404)
  history(@Param('id', journeyIdPipe()) id: string) {
    return this.service.history(id);
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: 'What the journey would do for a customer and a timeline of events; sends and stores nothing',
  })
  @ApiJsonResponse(200, 'Simulation', simulationResultSchema, 'What would happen, step by step')
  @ApiJsonBodyProblems()
  @ApiProblems(404)
  simulate(@Param('id', journeyIdPipe()) id: string, @Body() body: SimulationBodyDto) {
    return this.simulation.simulate(id, body);
  }
}
