import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SandboxMessageRepository } from '@touchpoint/core';
import { CHANNEL_NAMES, text } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';

const sandboxQuerySchema = z.object({
  channel: z.enum(CHANNEL_NAMES).optional(),
  // text(): a NUL or a lone surrogate cannot reach PostgreSQL, which would refuse it with a 500.
  to: text().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
class SandboxQueryDto extends createZodDto(sandboxQuerySchema) {}
const sandboxMessagesSchema = z.object({
  items: z.array(
    z.object({
      channel: z.string(),
      to: z.string(),
      subject: z.string().nullable(),
      body: z.string().nullable(),
      html: z.string().nullable(),
      touchpointId: z.uuid().nullable(),
      at: z.iso.datetime(),
      test: z.boolean().describe('A "send me a test" from the console, not a touchpoint'),
    }),
  ),
});

@ApiTags('sandbox')
@Controller('v1/sandbox')
export class SandboxController {
  constructor(private readonly messages: SandboxMessageRepository) {}

  @Get('messages')
  @Roles('admin')
  @ApiOperation({ summary: 'What the sandbox adapters "sent", newest first' })
  @ApiJsonResponse(200, 'SandboxMessages', sandboxMessagesSchema, 'The messages, newest first')
  @ApiProblems(400)
  async list(@Query() query: SandboxQueryDto) {
    return { items: await this.messages.list(query) };
  }
}
