import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { DeliveryFeedbackService } from './delivery-feedback.service';
import { SendGridEventsService } from './sendgrid-events.service';
import { SendGridWebhooksController } from './sendgrid-webhooks.controller';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';
import { WebhookBodyMiddleware } from './webhook-body.middleware';
import { SendGridSignatureGuard, TwilioSignatureGuard } from './webhook-signature.guards';

/** Provider webhooks and the unsubscribe link: public routes outside /v1, each checking its own signature. */
@Module({
  controllers: [TwilioWebhooksController, SendGridWebhooksController, UnsubscribeController],
  providers: [
    DeliveryFeedbackService,
    SendGridEventsService,
    UnsubscribeService,
    TwilioSignatureGuard,
    SendGridSignatureGuard,
  ],
})
export class WebhooksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebhookBodyMiddleware).forRoutes({ path: 'webhooks/*path', method: RequestMethod.POST });
  }
}
