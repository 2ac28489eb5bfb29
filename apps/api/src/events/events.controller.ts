import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONFIG, type Config } from '@touchpoint/core';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { dottedPath, ProblemException } from '../http/problem';
import { ApiJsonBodyProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse, zodComponent } from '../openapi/api-json-response.decorator';
import { EventIngestService } from './event-ingest.service';
import { eventBatchSchema, eventSchema, eventsBodySchema, type EventBody } from './event.schema';
import { plainEventBatch } from './plain-event-batch';

// Documents the body only: the controller parses it, a batch or one event.
const EventsBody = zodComponent('EventsBody', eventsBodySchema, 'input');
const eventsAcceptedSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0).describe('Events whose id was already accepted: no further effect'),
});

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly ingest: EventIngestService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('marketer', 'ingest')
  @ApiOperation({ summary: 'Ingest one event or a batch; 202 once stored durably' })
  @ApiBody({ type: EventsBody })
  @ApiJsonResponse(
    202,
    'EventsAccepted',
    eventsAcceptedSchema,
    'Stored durably; duplicates counted and dropped',
  )
  @ApiJsonBodyProblems()
  async post(@Body() body: unknown) {
    return this.ingest.ingest(this.parse(body));
  }

  private parse(body: unknown): EventBody[] {
    const events = plainEventBatch(body) ?? this.parseWithZod(body);
    if (events.length > this.config.EVENTS_BATCH_MAX) {
      throw ProblemException.validation([
        { path: 'events', message: `at most ${this.config.EVENTS_BATCH_MAX} events a batch` },
      ]);
    }
    return events;
  }

  /** Any body plainEventBatch did not take: zod judges it, and a problem names each field it refuses. */
  private parseWithZod(body: unknown): EventBody[] {
    const isBatch = typeof body === 'object' && body !== null && 'events' in body;
    const parsed = isBatch ? eventBatchSchema.safeParse(body) : eventSchema.safeParse(body);
    if (!parsed.success) {
      throw ProblemException.validation(
        parsed.error.issues.map((i) => ({ path: dottedPath(i.path), message: i.message })),
      );
    }
    return 'events' in parsed.data ? parsed.data.events : [parsed.data];
  }
}
