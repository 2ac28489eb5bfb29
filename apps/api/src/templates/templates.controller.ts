import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CurrentCaller, Roles, type Caller } from '../auth/auth.decorators';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import {
  TemplatePreviewService,
  templatePreviewBodySchema,
  templatePreviewSchema,
} from './template-preview.service';
import {
  TemplateVariablesService,
  templateVariablesQuerySchema,
  templateVariablesSchema,
} from './template-variables.service';
import { TestSendService, testSendBodySchema, testSendSchema } from './test-send.service';

class TemplatePreviewBodyDto extends createZodDto(templatePreviewBodySchema) {}
class TestSendBodyDto extends createZodDto(testSendBodySchema) {}
class TemplateVariablesQueryDto extends createZodDto(templateVariablesQuerySchema) {}

@ApiTags('templates')
@Controller('v1/templates')
export class TemplatesController {
  constructor(
    private readonly previews: TemplatePreviewService,
    private readonly tests: TestSendService,
    private readonly variables: TemplateVariablesService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary:
      'Render a template for a customer as the worker would, with SMS segments and encoding; sends nothing',
  })
  @ApiJsonResponse(200, 'TemplatePreview', templatePreviewSchema, 'The rendered message')
  @ApiJsonBodyProblems()
  @ApiProblems(404)
  preview(@Body() body: TemplatePreviewBodyDto) {
    return this.previews.preview(body);
  }

  @Post('test-send')
  @HttpCode(200)
  @Roles('marketer')
  @ApiOperation({
    summary:
      'Send me a test: render a template and send it to one address, through the provider when one is configured, else the sandbox',
    description:
      'Recorded as a test send, never a touchpoint: it counts in no journey figure and no frequency cap. ' +
      'Counted against the caller’s writes rate limit. A provider’s refusal is answered 200 with `status: failed`.',
  })
  @ApiJsonResponse(200, 'TestSend', testSendSchema, 'What was sent, and how')
  @ApiJsonBodyProblems()
  @ApiProblems(404)
  testSend(@Body() body: TestSendBodyDto, @CurrentCaller() caller: Caller) {
    return this.tests.send(body, caller.keyId);
  }

  @Get('variables')
  @Roles('marketer')
  @ApiOperation({
    summary:
      'The customer.attributes.* and event.properties.* paths that the latest enrollments of a journey carried',
  })
  @ApiJsonResponse(200, 'TemplateVariables', templateVariablesSchema, 'The paths, the most common first')
  @ApiProblems(400, 404)
  variablesOf(@Query() query: TemplateVariablesQueryDto) {
    return this.variables.forJourney(query.journeyId);
  }
}
