import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, CustomerErasureRepository, QueueGateway } from '@touchpoint/core';
import { z } from 'zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { customerIdSchema } from '../customers/customer.schema';
import { ProblemException } from '../http/problem';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { journeyMapSchema } from './analytics.schema';
import { JourneyMapService } from './journey-map.service';
import { Audited, erasedCustomerRef } from '../audit/audited.decorator';

const limitSchema = z.coerce.number().int().min(1).max(2000).default(1000);

function parse<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ProblemException.validation([{ path, message: parsed.error.issues[0].message }]);
  return parsed.data;
}

/** The customer's journey map, and the right to erasure; CustomersController owns the rest of /v1/customers. */
@ApiTags('customers')
@Controller('v1/customers')
export class CustomerInsightsController {
  constructor(
    private readonly maps: JourneyMapService,
    private readonly erasure: CustomerErasureRepository,
    private readonly queue: QueueGateway,
    private readonly clock: Clock,
  ) {}

  @Get(':customerId/journey-map')
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      "The customer's touchpoints and events in order, grouped by stage, with each touchpoint's outcome",
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 2000, default: 1000 },
  })
  @ApiJsonResponse(200, 'JourneyMap', journeyMapSchema, 'The map, stage by stage, and the timeline')
  @ApiProblems(400, 404)
  journeyMap(
    @Param('customerId') id: string,
    @Query('limit') limit: string | undefined,
    @CurrentCaller() caller: Caller,
  ) {
    return this.maps.map(
      parse(customerIdSchema, id, 'customerId'),
      caller.role,
      parse(limitSchema, limit ?? undefined, 'limit'),
    );
  }

  @Delete(':customerId')
  @HttpCode(204)
  @Roles('marketer')
  @ApiOperation({
    summary:
      'Erase a customer: contact details and personal attributes everywhere; anonymous touchpoint counts stay',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblems(400, 404)
  // The trail outlives the erasure: it keeps a hash of the id, enough to answer "was c-42 erased?", not who.
  @Audited({
    action: 'customer.erased',
    target: 'customer',
    targetId: ({ params }) => erasedCustomerRef(params.customerId),
  })
  async erase(@Param('customerId') id: string): Promise<void> {
    const erased = await this.erasure.erase(parse(customerIdSchema, id, 'customerId'), this.clock.now());
    if (!erased) throw ProblemException.notFound('The customer');
    // Committed: a cancelled step whose job Redis still holds finds nothing to do when it comes due.
    await this.queue.handOff((q) => q.removeSteps(erased.cancelledSteps));
  }
}
