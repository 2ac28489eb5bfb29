import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from '@touchpoint/channels';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { SendGridEventsService, type SendGridEventsReport } from './sendgrid-events.service';
import type { WebhookRequest } from './webhook-body.middleware';
import { SendGridSignatureGuard } from './webhook-signature.guards';

const count = z.number().int().min(0);
const reportSchema = z.object({
  applied: count.describe('Moved a touchpoint forward'),
  recorded: count.describe('Kept in its history without changing its status'),
  stale: count,
  duplicate: count,
  unknown_touchpoint: count,
  ignored: count.describe('Malformed, or an event type that means nothing here'),
});

/** SendGrid's Event Webhook; no API key, an ECDSA signature over the raw body instead. */
@ApiTags('webhooks')
@Controller('webhooks/sendgrid')
@Public()
@UseGuards(SendGridSignatureGuard)
export class SendGridWebhooksController {
  constructor(private readonly events: SendGridEventsService) {}

  @Post('events')
  @HttpCode(200)
  @ApiOperation({ summary: 'SendGrid Event Webhook: delivered, bounce, open, click, unsubscribe… (signed)' })
  @ApiHeader({
    name: SENDGRID_SIGNATURE_HEADER,
    required: true,
    description: 'Base64 ECDSA P-256 signature over the timestamp and the raw body',
  })
  @ApiHeader({
    name: SENDGRID_TIMESTAMP_HEADER,
    required: true,
    description: 'Unix time of the post; refused outside a 10-minute window',
  })
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } }, description: 'SendGrid’s event objects' })
  @ApiJsonResponse(200, 'SendGridEventsReport', reportSchema, 'What each event did')
  @ApiProblems([400, 'Not a JSON array'], [403, 'The signature is missing, wrong or outside the window'])
  async receive(@Req() req: WebhookRequest, @Body() body: unknown): Promise<SendGridEventsReport> {
    if (req.bodyError) throw new ProblemException(400, 'malformed-json', req.bodyError);
    if (!Array.isArray(body)) {
      throw ProblemException.validation([{ path: '', message: 'expected a JSON array of events' }]);
    }
    return this.events.apply(body);
  }
}
