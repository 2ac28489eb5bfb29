import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { smsConsentReply, twilioDeliveryStatus, twilioInboundChannel } from '@touchpoint/channels';
import { Clock } from '@touchpoint/core';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { createZodDto } from 'nestjs-zod';
import { text } from '@touchpoint/journeys';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DeliveryFeedbackService } from './delivery-feedback.service';
import { TwilioSignatureGuard } from './webhook-signature.guards';

// Twilio's error code for a message to a number that replied STOP.
const UNSUBSCRIBED_RECIPIENT = '21610';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const statusCallbackSchema = z.object({
  MessageSid: text().min(1),
  MessageStatus: text().min(1),
  ErrorCode: text().optional(),
  ErrorMessage: text().optional(),
});
class TwilioStatusCallbackDto extends createZodDto(statusCallbackSchema) {}

const inboundSchema = z.object({
  From: text().min(1),
  Body: text().optional(),
  OptOutType: text().optional(),
});
class TwilioInboundDto extends createZodDto(inboundSchema) {}

const TWILIO_SIGNATURE = ApiHeader({
  name: 'X-Twilio-Signature',
  required: true,
  description: 'HMAC-SHA1 of PUBLIC_BASE_URL + path and query + the sorted form fields, with the auth token',
});
const TWILIO_PROBLEMS = ApiProblems(
  [400, 'A required field is missing'],
  [403, 'The signature is missing or wrong, or TWILIO_AUTH_TOKEN is not set'],
);

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
  @ApiOperation({
    summary: 'Twilio status callback: moves the SMS or WhatsApp touchpoint forward (signed by Twilio)',
  })
  @ApiQuery({
    name: 'touchpointId',
    required: false,
    description: 'Set in the callback URL the worker gives Twilio',
  })
  @TWILIO_SIGNATURE
  @ApiNoContentResponse({ description: 'Applied, or ignored when the status means nothing here' })
  @TWILIO_PROBLEMS
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
    summary:
      'Incoming SMS or WhatsApp (`From: whatsapp:+…`): STOP and the other opt-out words revoke that channel’s consent, START restores it; a WhatsApp message opens the 24-hour window for free-form replies',
  })
  @TWILIO_SIGNATURE
  @ApiResponse({
    status: 200,
    description: 'Empty TwiML: Twilio answers the keywords itself',
    content: { 'text/xml': { schema: { type: 'string' } } },
  })
  @TWILIO_PROBLEMS
  async inbound(@Body() body: TwilioInboundDto): Promise<string> {
    const from = twilioInboundChannel(body.From);
    const phone = e164(from.phone);
    if (phone) {
      // The customer wrote: on WhatsApp this opens the 24-hour window for free-form messages.
      await this.feedback.recordInbound(phone, from.channel);
      const reply = smsConsentReply(body.Body, body.OptOutType);
      if (reply) await this.feedback.setConsentByPhone(phone, from.channel, reply === 'opt_in');
    }
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
