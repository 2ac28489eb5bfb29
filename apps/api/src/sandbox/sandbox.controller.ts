import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SandboxMessageRepository } from '@touchpoint/core';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';

const sandboxQuerySchema = z.object({
  channel: z.enum(['sms', 'email', 'push']).optional(),
  to: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
class SandboxQueryDto extends createZodDto(sandboxQuerySchema) {}

@ApiTags('sandbox')
@Controller('v1/sandbox')
export class SandboxController {
  constructor(private readonly messages: SandboxMessageRepository) {}

  @Get('messages')
  @Roles('admin')
  @ApiOperation({ summary: 'What the sandbox adapters "sent", newest first' })
  async list(@Query() query: SandboxQueryDto) {
    return { items: await this.messages.list(query) };
  }
}
