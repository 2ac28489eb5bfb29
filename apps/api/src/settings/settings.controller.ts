import { Body, Controller, Get, Optional, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, SETTING_KEYS, SettingRepository } from '@touchpoint/core';
import { frequencyCapsSchema, type FrequencyCap } from '@touchpoint/journeys';
import { createZodDto } from 'nestjs-zod';
import { FrequencyCaps } from '@touchpoint/worker';
import { Roles } from '../auth/auth.decorators';
import { ApiJsonBodyProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { Audited } from '../audit/audited.decorator';

class FrequencyCapsDto extends createZodDto(frequencyCapsSchema) {}

/** Workspace settings. Frequency caps apply across journeys; transactional journeys are exempt. */
@ApiTags('settings')
@Controller('v1/settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingRepository,
    private readonly clock: Clock,
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
}
