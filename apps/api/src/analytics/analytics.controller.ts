import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import {
  failuresSchema,
  journeyReportSchema,
  journeyStatsSchema,
  npsSeriesSchema,
  overviewSchema,
  seriesSchema,
  stageAnalyticsSchema,
  surveyAnswersSchema,
} from './analytics.schema';
import {
  answersQuerySchema,
  failuresQuerySchema,
  journeyReportQuerySchema,
  journeyStatsQuerySchema,
  npsQuerySchema,
  overviewQuerySchema,
  seriesQuerySchema,
  stageQuerySchema,
} from './analytics-query.schema';
import { ReportService } from './report.service';
import { JourneyStatsService } from './journey-stats.service';
import { StageAnalyticsService } from './stage-analytics.service';

class JourneyStatsQueryDto extends createZodDto(journeyStatsQuerySchema) {}
class StageQueryDto extends createZodDto(stageQuerySchema) {}
class NpsQueryDto extends createZodDto(npsQuerySchema) {}
class SeriesQueryDto extends createZodDto(seriesQuerySchema) {}
class FailuresQueryDto extends createZodDto(failuresQuerySchema) {}
class OverviewQueryDto extends createZodDto(overviewQuerySchema) {}
class JourneyReportQueryDto extends createZodDto(journeyReportQuerySchema) {}
class AnswersQueryDto extends createZodDto(answersQuerySchema) {}

const journeyIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The journey') });

/** The journey's funnel lives beside the journeys API (`/v1/journeys/{id}/stats`); JourneysController owns the rest. */
@ApiTags('journeys')
@Controller('v1/journeys')
export class JourneyStatsController {
  constructor(
    private readonly stats: JourneyStatsService,
    private readonly reports: ReportService,
  ) {}

  @Get(':id/stats')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'Funnel, per channel, step and variant; conversions attributed to the last touchpoint with the holdout beside them; NPS',
  })
  @ApiJsonResponse(200, 'JourneyStats', journeyStatsSchema, 'The journey’s figures')
  @ApiProblems(400, [404, 'The journey, or the version asked for, was not found'])
  get(@Param('id', journeyIdPipe) id: string, @Query() query: JourneyStatsQueryDto) {
    return this.stats.stats(id, query);
  }

  @Get(':id/report')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'The stats, the funnel per period and channel, and conversions of the treated and of each variant beside the holdout with lift, 95 % interval and p-value',
  })
  @ApiJsonResponse(200, 'JourneyReport', journeyReportSchema, 'The journey’s report')
  @ApiProblems(400, [404, 'The journey, or the version asked for, was not found'])
  report(@Param('id', journeyIdPipe) id: string, @Query() query: JourneyReportQueryDto) {
    return this.reports.journeyReport(id, query);
  }
}

@ApiTags('analytics')
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(
    private readonly stages: StageAnalyticsService,
    private readonly reports: ReportService,
  ) {}

  @Get('series')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Sent, delivered, failed, clicked… per day, week or month and channel' })
  @ApiJsonResponse(200, 'ReportSeries', seriesSchema, 'The funnel per period and channel')
  @ApiProblems(400)
  series(@Query() query: SeriesQueryDto) {
    return this.reports.series(query);
  }

  @Get('failures')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'The most frequent reasons messages failed or bounced, with the provider’s code' })
  @ApiJsonResponse(200, 'FailureReasons', failuresSchema, 'Failure reasons, most frequent first')
  @ApiProblems(400)
  failures(@Query() query: FailuresQueryDto) {
    return this.reports.failures(query);
  }

  @Get('overview')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'Messages per channel and status over time, delivery rate, top failure reasons, unknown sends, queue depths',
  })
  @ApiJsonResponse(200, 'Overview', overviewSchema, 'The overview')
  @ApiProblems(400)
  overview(@Query() query: OverviewQueryDto) {
    return this.reports.overview(query);
  }

  @Get('nps/answers')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary: 'Survey answers with their comments, newest first, searchable (masked for analysts)',
  })
  @ApiJsonResponse(200, 'SurveyAnswers', surveyAnswersSchema, 'A page of answers')
  @ApiProblems(400)
  answers(@Query() query: AnswersQueryDto, @CurrentCaller() caller: Caller) {
    return this.reports.answers(query, caller.role);
  }

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
