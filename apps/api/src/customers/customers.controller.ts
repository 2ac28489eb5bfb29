import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, CustomerRepository, TouchpointLogRepository } from '@touchpoint/core';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { touchpointView } from '../touchpoints/touchpoint.view';
import { touchpointListSchema } from '../touchpoints/touchpoint.schema';
import { customerBodySchema, customerIdSchema, customerViewSchema } from './customer.schema';
import { customerView } from './customer.view';

class CustomerBodyDto extends createZodDto(customerBodySchema) {}
const customerSearchSchema = z.object({
  search: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The start of an id, an email address or a phone number'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
class CustomerSearchDto extends createZodDto(customerSearchSchema) {}
const customerSearchResultSchema = z.object({ items: z.array(customerViewSchema) });
const limitSchema = z.coerce.number().int().min(1).max(1000).default(500);

function parseCustomerId(id: string): string {
  const parsed = customerIdSchema.safeParse(id);
  if (!parsed.success) {
    throw ProblemException.validation([{ path: 'customerId', message: parsed.error.issues[0].message }]);
  }
  return parsed.data;
}

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly touchpoints: TouchpointLogRepository,
    private readonly clock: Clock,
  ) {}

  @Put(':customerId')
  @Roles('marketer', 'ingest')
  @ApiOperation({ summary: 'Create or replace a customer' })
  @ApiJsonResponse(200, 'Customer', customerViewSchema, 'The stored customer')
  @ApiJsonBodyProblems()
  async put(@Param('customerId') id: string, @Body() body: CustomerBodyDto, @CurrentCaller() caller: Caller) {
    const row = await this.customers.replace(parseCustomerId(id), body, this.clock.now());
    return customerView(row, caller.role);
  }

  @Get()
  @Roles('marketer', 'analyst')
  @ApiOperation({
    summary:
      'Find customers by the start of their id, email or phone; analysts, who see contacts masked, find an email or phone only whole',
  })
  @ApiJsonResponse(200, 'CustomerSearch', customerSearchResultSchema, 'The matches, by id')
  @ApiProblems(400)
  async search(@Query() query: CustomerSearchDto, @CurrentCaller() caller: Caller) {
    const rows = await this.customers.search(
      query.search,
      query.limit,
      caller.role === 'analyst' ? 'whole' : 'prefix',
    );
    return { items: rows.map((row) => customerView(row, caller.role)) };
  }

  @Get(':customerId')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'Read a customer (contact details masked for analysts)' })
  @ApiJsonResponse(200, 'Customer', customerViewSchema, 'The customer')
  @ApiProblems(400, 404)
  async get(@Param('customerId') id: string, @CurrentCaller() caller: Caller) {
    const row = await this.customers.find(parseCustomerId(id));
    if (!row) throw ProblemException.notFound('The customer');
    return customerView(row, caller.role);
  }

  @Get(':customerId/touchpoints')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: "The customer's touchpoints, oldest first: their journey map" })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
  })
  @ApiJsonResponse(200, 'TouchpointList', touchpointListSchema, 'The touchpoints, oldest first')
  @ApiProblems(400, 404)
  async touchpointsOf(
    @Param('customerId') id: string,
    @Query('limit') limit: string | undefined,
    @CurrentCaller() caller: Caller,
  ) {
    const customerId = parseCustomerId(id);
    const parsedLimit = limitSchema.safeParse(limit ?? undefined);
    if (!parsedLimit.success) {
      throw ProblemException.validation([{ path: 'limit', message: parsedLimit.error.issues[0].message }]);
    }
    if (!(await this.customers.find(customerId))) throw ProblemException.notFound('The customer');
    const rows = await this.touchpoints.listForCustomer(customerId, parsedLimit.data);
    return { items: rows.map((t) => touchpointView(t, caller.role)) };
  }
}
