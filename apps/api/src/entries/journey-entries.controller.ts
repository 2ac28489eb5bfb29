import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Audited, paramId, type AuditContext } from '../audit/audited.decorator';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { maskDeep } from '../http/mask';
import { ProblemException } from '../http/problem';
import { actorOf, journeyIdPipe } from '../journeys/journey-params';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { BroadcastsService } from './broadcasts.service';
import { EnrollmentsService } from './enrollments.service';
import {
  broadcastBodySchema,
  broadcastViewSchema,
  ENROLLMENTS_MAX,
  enrollmentsBodySchema,
  enrollmentsResultSchema,
  type EnrollmentsResult,
} from './entry.schema';

class EnrollmentsBodyDto extends createZodDto(enrollmentsBodySchema) {}
class BroadcastBodyDto extends createZodDto(broadcastBodySchema) {}

/** A broadcast id that is not a UUID names no broadcast: 404, like an unknown one. */
const broadcastIdPipe = () =>
  new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The broadcast') });

const enrollmentCounts = ({ result }: AuditContext) => ({ ...(result as EnrollmentsResult).counts });
const broadcastDetail = ({ result }: AuditContext) => ({ broadcastId: (result as { id: string }).id });

/** Entry without a trigger event: customers enrolled by id, or every customer matching a condition. */
@ApiTags('journeys')
@Controller('v1/journeys/:id')
export class JourneyEntriesController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly broadcasts: BroadcastsService,
  ) {}

  @Post('enrollments')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: `Enroll up to ${ENROLLMENTS_MAX} customers by id in the journey's current version, as its trigger would`,
    description:
      "The re-entry rules (`reentry`, `reentryGap`, `entryLimit`) and the first steps (a split, its holdout) apply as for a trigger event; the trigger's `where` does not (the request is the trigger). With an `Idempotency-Key`, a repeat of the request answers what the first did and enrolls no one again.",
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A key of your choosing (1 to 255 printable ASCII characters) that makes a retry safe: the same key for the same journey answers the first response (with `Idempotent-Replayed: true`) for 24 hours; the same key with other customers is a 409.',
  })
  @ApiBody({ type: EnrollmentsBodyDto })
  @ApiJsonResponse(200, 'EnrollmentsResult', enrollmentsResultSchema, 'What happened for each customer')
  @ApiJsonBodyProblems()
  @ApiProblems(404, [
    409,
    'The journey is paused or archived, or the Idempotency-Key was used for other customers',
  ])
  @Audited({ action: 'journey.enrolled', target: 'journey', targetId: paramId, detail: enrollmentCounts })
  async enroll(
    @Param('id', journeyIdPipe()) id: string,
    @Body() body: EnrollmentsBodyDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrollmentsResult> {
    const answer = await this.enrollments.enroll(id, body, key);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.result;
  }

  @Post('broadcasts')
  @HttpCode(202)
  @Roles('marketer')
  @ApiOperation({
    summary: 'Enroll every customer matching a condition, chunk by chunk, in the worker',
    description:
      'Answers at once with the broadcast (`running`); follow it with GET. Customers go in id order, 1,000 a chunk, each chunk in one transaction with the progress cursor: a worker that stops resumes where the last chunk ended, and a customer is enrolled at most once by a broadcast. While the journey is paused the broadcast waits; archived, it ends.',
  })
  @ApiBody({ type: BroadcastBodyDto })
  @ApiJsonResponse(202, 'Broadcast', broadcastViewSchema, 'The broadcast, running')
  @ApiJsonBodyProblems()
  @ApiProblems(404, [409, 'The journey is archived'])
  @Audited({
    action: 'journey.broadcast_started',
    target: 'journey',
    targetId: paramId,
    detail: broadcastDetail,
  })
  startBroadcast(
    @Param('id', journeyIdPipe()) id: string,
    @Body() body: BroadcastBodyDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.broadcasts.start(id, body, actorOf(caller));
  }

  @Get('broadcasts/:broadcastId')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary: "A broadcast's progress: customers matched and enrolled so far, cursor, status",
    description: 'Email addresses and phone numbers in the condition are masked for the analyst role.',
  })
  @ApiJsonResponse(200, 'Broadcast', broadcastViewSchema, 'The broadcast')
  @ApiProblems(404)
  async getBroadcast(
    @Param('id', journeyIdPipe()) id: string,
    @Param('broadcastId', broadcastIdPipe()) broadcastId: string,
    @CurrentCaller() caller: Caller,
  ) {
    const broadcast = await this.broadcasts.get(id, broadcastId);
    // A condition may name a customer by email or phone: analysts see it masked.
    return caller.role === 'analyst' ? { ...broadcast, condition: maskDeep(broadcast.condition) } : broadcast;
  }

  @Post('broadcasts/:broadcastId/cancel')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary: 'Cancel a running broadcast: the chunk in hand finishes, no other starts; enrollments made stay',
  })
  @ApiJsonResponse(200, 'Broadcast', broadcastViewSchema, 'The cancelled broadcast')
  @ApiProblems(404, [409, 'The broadcast already ended'])
  @Audited({
    action: 'journey.broadcast_cancelled',
    target: 'journey',
    targetId: paramId,
    detail: broadcastDetail,
  })
  cancelBroadcast(
    @Param('id', journeyIdPipe()) id: string,
    @Param('broadcastId', broadcastIdPipe()) broadcastId: string,
  ) {
    return this.broadcasts.cancel(id, broadcastId);
  }
}
