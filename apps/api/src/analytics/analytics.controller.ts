import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { Roles } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { journeyStatsSchema, npsSeriesSchema, stageAnalyticsSchema } from './analytics.schema';
import { journeyStatsQuerySchema, npsQuerySchema, stageQuerySchema } from './analytics-query.schema';
import { JourneyStatsService } from './journey-stats.service';
import { StageAnalyticsService } from './stage-analytics.service';

class JourneyStatsQueryDto extends createZodDto(journeyStatsQuerySchema) {}
class StageQueryDto extends createZodDto(stageQuerySchema) {}
class NpsQueryDto extends createZodDto(npsQuerySchema) {}

/** The journey's funnel lives beside the journeys API (`/v1/journeys/{id}/stats`); JourneysController owns the rest. */
@ApiTags('journeys')
@Controller('v1/journeys')
export class JourneyStatsController {
  constructor(private readonly stats: JourneyStatsService) {}

  @Get(':id/stats')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'Funnel, per channel, step and variant; conversions attributed to the last touchpoint with the holdout beside them; NPS',
  })
  @ApiJsonResponse(200, 'JourneyStats', journeyStatsSchema, 'The journey’s figures')
  @ApiProblems(400, [404, 'The journey, or the version asked for, was not found'])
  get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The journey') }))
    id: string,
    @Query() query: JourneyStatsQueryDto,
  ) {
    return this.stats.stats(id, query);
  }
}

@ApiTags('analytics')
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(private readonly stages: StageAnalyticsService) {}

  @Get('stages')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary: 'Per stage and channel: sent, delivered, engaged, converted and survey scores',
  })
  @ApiJsonResponse(200, 'StageAnalytics', stageAnalyticsSchema, 'Figures per stage and channel')
  @ApiProblems(400)
  byStage(@Query() query: StageQueryDto) {
    return this.stages.stages(query);
  }

  @Get('nps')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'NPS per day, week or month, optionally for one journey or stage' })
  @ApiJsonResponse(200, 'NpsSeries', npsSeriesSchema, 'NPS per period')
  @ApiProblems(400)
  nps(@Query() query: NpsQueryDto) {
    return this.stages.nps(query);
  }
}
