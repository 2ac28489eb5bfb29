import { Body, Controller, Get, HttpCode, Optional, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, SETTING_KEYS, SettingRepository } from '@touchpoint/core';
import { frequencyCapsSchema, type FrequencyCap } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { FrequencyCaps } from '@touchpoint/worker';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import {
  CHANNELS,
  ChannelSettingsService,
  channelSettingsSchema,
  credentialCheckSchema,
} from '../channels/channel-settings.service';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { Audited } from '../audit/audited.decorator';

class FrequencyCapsDto extends createZodDto(frequencyCapsSchema) {}
class ChannelParamDto extends createZodDto(z.object({ channel: z.enum(CHANNELS) })) {}

/** Workspace settings. Frequency caps apply across journeys; transactional journeys are exempt. */
@ApiTags('settings')
@Controller('v1/settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingRepository,
    private readonly clock: Clock,
    private readonly channels: ChannelSettingsService,
    /** Present when this process runs the worker too: its cache is dropped at once. */
    @Optional() private readonly frequencyCaps?: FrequencyCaps,
  ) {}

  @Get('frequency-caps')
  @Roles('marketer', 'analyst')
  @ApiOperation({ summary: 'The frequency caps (none by default)' })
  @ApiJsonResponse(200, 'FrequencyCaps', frequencyCapsSchema, 'The caps')
  async getFrequencyCaps(): Promise<{ caps: FrequencyCap[] }> {
    return (await this.settings.get<{ caps: FrequencyCap[] }>(SETTING_KEYS.frequencyCaps)) ?? { caps: [] };
  }

  @Put('frequency-caps')
  @Roles('marketer')
  @ApiOperation({ summary: 'Replace the frequency caps, counted per customer in their timezone' })
  @ApiJsonResponse(200, 'FrequencyCaps', frequencyCapsSchema, 'The caps now in force')
  @ApiJsonBodyProblems()
  @Audited({
    action: 'settings.frequency_caps.changed',
    target: 'settings',
    targetId: () => 'frequency-caps',
    detail: ({ result }) => result as Record<string, unknown>,
  })
  async putFrequencyCaps(@Body() body: FrequencyCapsDto): Promise<{ caps: FrequencyCap[] }> {
    const value = { caps: body.caps };
    await this.settings.put(SETTING_KEYS.frequencyCaps, value, this.clock.now());
    this.frequencyCaps?.invalidate();
    return value;
  }

  @Get('channels')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Which channels run for real and which in the sandbox, and the callback URLs to give each provider',
  })
  @ApiJsonResponse(200, 'ChannelSettings', channelSettingsSchema, 'One entry per channel')
  listChannels() {
    return this.channels.list();
  }

  @Post('channels/:channel/check')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Ask the provider whether the configured credentials are accepted (Twilio: the Account; SendGrid: the key’s scopes); sends nothing',
  })
  @ApiJsonResponse(200, 'CredentialCheck', credentialCheckSchema, "The provider's answer")
  @ApiProblems(400)
  checkChannel(@Param() params: ChannelParamDto) {
    return this.channels.check(params.channel);
  }
}
