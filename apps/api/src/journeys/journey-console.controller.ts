import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { journeyViewSchema } from './journey.schema';
import {
  draftBodySchema,
  draftSchema,
  journeyVersionSchema,
  lifecyclePreviewSchema,
  periodQuerySchema,
  stepStatsSchema,
} from './journey-console.schema';
import { JourneyDraftsService } from './journey-drafts.service';
import { JourneyInsightsService } from './journey-insights.service';
import { actorOf, journeyIdPipe } from './journey-params';
import { Audited, journeyDetail, paramId } from '../audit/audited.decorator';

class DraftBodyDto extends createZodDto(draftBodySchema) {}
class PeriodQueryDto extends createZodDto(periodQuerySchema) {}

/** What the console needs beside the journeys API: drafts, versions, numbers per step, lifecycle previews. */
@ApiTags('journeys')
@Controller('v1/journeys')
export class JourneyConsoleController {
  constructor(
    private readonly drafts: JourneyDraftsService,
    private readonly insights: JourneyInsightsService,
  ) {}

  @Get(':id/draft')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: "The journey's draft (work in progress, possibly invalid); 404 when none" })
  @ApiJsonResponse(200, 'JourneyDraft', draftSchema, 'The draft')
  @ApiProblems(404)
  getDraft(@Param('id', journeyIdPipe()) id: string) {
    return this.drafts.get(id);
  }

  @Put(':id/draft')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Save the draft, valid or not (what runs does not change); 409 for an archived journey',
  })
  @ApiJsonResponse(200, 'JourneyDraft', draftSchema, 'The draft as saved')
  @ApiJsonBodyProblems()
  @ApiProblems(404, [409, 'The journey is archived'])
  saveDraft(
    @Param('id', journeyIdPipe()) id: string,
    @Body() body: DraftBodyDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.drafts.save(id, body, actorOf(caller));
  }

  @Delete(':id/draft')
  @HttpCode(204)
  @Roles('marketer')
  @ApiOperation({ summary: 'Discard the draft' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiProblems(404)
  discardDraft(@Param('id', journeyIdPipe()) id: string) {
    return this.drafts.discard(id);
  }

  @Post(':id/draft/publish')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary:
      'Publish the draft as the next version (validated like PUT /v1/journeys/{id}: 400 keeps the draft; 409 when another version was published since its baseVersion)',
  })
  @ApiJsonResponse(200, 'Journey', journeyViewSchema, 'The journey at its new version')
  @ApiProblems(
    [400, 'The draft does not validate: `errors` has paths into the definition; the draft is kept'],
    404,
    [409, 'Another version was published since the draft’s baseVersion, or the journey is archived'],
  )
  @Audited({ action: 'journey.published', target: 'journey', targetId: paramId, detail: journeyDetail })
  publish(@Param('id', journeyIdPipe()) id: string, @CurrentCaller() caller: Caller) {
    return this.drafts.publish(id, actorOf(caller));
  }

  @Get(':id/versions/:version')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'One version of the journey as it was published, with who and when' })
  @ApiJsonResponse(200, 'JourneyVersion', journeyVersionSchema, 'The version')
  @ApiProblems(404)
  version(
    @Param('id', journeyIdPipe()) id: string,
    @Param(
      'version',
      new ParseIntPipe({ exceptionFactory: () => ProblemException.notFound('That version of the journey') }),
    )
    version: number,
  ) {
    return this.insights.version(id, version);
  }

  @Get(':id/steps/stats')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary: 'Numbers on each step for a period (default the last 7 days), per variant on a split',
  })
  @ApiJsonResponse(200, 'JourneyStepStats', stepStatsSchema, 'By step id')
  @ApiProblems(400, 404)
  stepStats(@Param('id', journeyIdPipe()) id: string, @Query() query: PeriodQueryDto) {
    return this.insights.stepStats(id, query);
  }

  @Get(':id/lifecycle-preview')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'What pause or archive would touch: customers inside, messages not sent yet' })
  @ApiJsonResponse(200, 'LifecyclePreview', lifecyclePreviewSchema, 'The counts')
  @ApiProblems(404)
  lifecyclePreview(@Param('id', journeyIdPipe()) id: string) {
    return this.insights.lifecyclePreview(id);
  }
}
