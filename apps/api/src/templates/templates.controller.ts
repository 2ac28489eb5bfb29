import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { Roles } from '../auth/auth.decorators';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import {
  TemplatePreviewService,
  templatePreviewBodySchema,
  templatePreviewSchema,
} from './template-preview.service';

class TemplatePreviewBodyDto extends createZodDto(templatePreviewBodySchema) {}

@ApiTags('templates')
@Controller('v1/templates')
export class TemplatesController {
  constructor(private readonly previews: TemplatePreviewService) {}

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
}
