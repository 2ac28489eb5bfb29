import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { SendGridEventsService, type SendGridEventsReport } from './sendgrid-events.service';
import type { WebhookRequest } from './webhook-body.middleware';
import { SendGridSignatureGuard } from './webhook-signature.guards';

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
  async receive(@Req() req: WebhookRequest, @Body() body: unknown): Promise<SendGridEventsReport> {
    if (req.bodyError) throw new ProblemException(400, 'malformed-json', req.bodyError);
    if (!Array.isArray(body))
      throw ProblemException.validation([{ path: '', message: 'expected a JSON array of events' }]);
    return this.events.apply(body);
  }
}
