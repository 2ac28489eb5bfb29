import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { smsConsentReply, twilioDeliveryStatus } from '@touchpoint/channels';
import { Clock } from '@touchpoint/core';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { DeliveryFeedbackService } from './delivery-feedback.service';
import { TwilioSignatureGuard } from './webhook-signature.guards';

// Twilio's error code for a message to a number that replied STOP.
const UNSUBSCRIBED_RECIPIENT = '21610';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const statusCallbackSchema = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
  ErrorMessage: z.string().optional(),
});
class TwilioStatusCallbackDto extends createZodDto(statusCallbackSchema) {}

const inboundSchema = z.object({
  From: z.string().min(1),
  Body: z.string().optional(),
  OptOutType: z.string().optional(),
});
class TwilioInboundDto extends createZodDto(inboundSchema) {}

/** Twilio's delivery feedback and incoming replies; no API key, `X-Twilio-Signature` instead. */
@ApiTags('webhooks')
@Controller('webhooks/twilio')
@Public()
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhooksController {
  constructor(
    private readonly feedback: DeliveryFeedbackService,
    private readonly clock: Clock,
  ) {}

  @Post('status')
  @HttpCode(204)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Twilio status callback: moves the SMS touchpoint forward (signed by Twilio)' })
  async status(
    @Body() body: TwilioStatusCallbackDto,
    @Query('touchpointId') touchpointId?: string,
  ): Promise<void> {
    const status = twilioDeliveryStatus(body.MessageStatus);
    if (!status) return;
    await this.feedback.apply({
      provider: 'twilio',
      status,
      at: this.clock.now(),
      touchpointId,
      providerMessageId: body.MessageSid,
      ...(body.ErrorCode && { error: { code: body.ErrorCode, message: body.ErrorMessage } }),
      revokeConsent: body.ErrorCode === UNSUBSCRIBED_RECIPIENT,
      detail: { messageStatus: body.MessageStatus, ...(body.ErrorCode && { errorCode: body.ErrorCode }) },
    });
  }

  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Incoming SMS: STOP and the other opt-out words revoke SMS consent, START restores it',
  })
  async inbound(@Body() body: TwilioInboundDto): Promise<string> {
    const reply = smsConsentReply(body.Body, body.OptOutType);
    const phone = e164(body.From);
    if (reply && phone) await this.feedback.setSmsConsent(phone, reply === 'opt_in');
    // Empty TwiML: Twilio itself answers the keywords; we add nothing.
    return EMPTY_TWIML;
  }
}

function e164(from: string): string | undefined {
  try {
    return parsePhoneNumberWithError(from).number;
  } catch {
    return undefined;
  }
}
