import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  sendGridVerificationKey,
  verifySendGridSignature,
} from '@touchpoint/channels';
import { CONFIG, Clock, type Config } from '@touchpoint/core';
import type { KeyObject } from 'node:crypto';
import twilio from 'twilio';
import { ProblemException } from '../http/problem';
import type { WebhookRequest } from './webhook-body.middleware';

/** How far a signed SendGrid timestamp may be from now: a captured post cannot be replayed later. */
export const SENDGRID_REPLAY_WINDOW_MS = 10 * 60_000;

const forbidden = (detail: string) => new ProblemException(403, 'invalid-signature', detail);

/**
 * `X-Twilio-Signature`, checked with the SDK's own `validateRequest` against the exact public URL Twilio
 * called (PUBLIC_BASE_URL + path and query) and the auth token.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly base: string;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.base = config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WebhookRequest>();
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) throw forbidden('Twilio webhooks are refused: TWILIO_AUTH_TOKEN is not set.');
    const signature = req.header('x-twilio-signature');
    if (!signature) throw forbidden('The X-Twilio-Signature header is missing.');
    const params = (req.is('application/x-www-form-urlencoded') ? req.body : {}) as Record<string, unknown>;
    if (!twilio.validateRequest(token, signature, `${this.base}${req.originalUrl}`, params)) {
      throw forbidden('The X-Twilio-Signature does not match this request.');
    }
    return true;
  }
}

/** SendGrid's Signed Event Webhook: ECDSA P-256 over timestamp + raw body, within the replay window. */
@Injectable()
export class SendGridSignatureGuard implements CanActivate {
  private readonly key: KeyObject | undefined;

  constructor(
    @Inject(CONFIG) config: Config,
    private readonly clock: Clock,
  ) {
    try {
      this.key = config.SENDGRID_WEBHOOK_PUBLIC_KEY
        ? sendGridVerificationKey(config.SENDGRID_WEBHOOK_PUBLIC_KEY)
        : undefined;
    } catch (error) {
      throw new Error(`SENDGRID_WEBHOOK_PUBLIC_KEY: ${(error as Error).message}`, { cause: error });
    }
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WebhookRequest>();
    if (!this.key) throw forbidden('SendGrid webhooks are refused: SENDGRID_WEBHOOK_PUBLIC_KEY is not set.');
    const signature = req.header(SENDGRID_SIGNATURE_HEADER);
    const timestamp = req.header(SENDGRID_TIMESTAMP_HEADER);
    if (!signature || !timestamp) throw forbidden('The SendGrid signature or timestamp header is missing.');
    if (!/^\d{1,12}$/.test(timestamp)) throw forbidden('The SendGrid timestamp is not a Unix time.');
    if (Math.abs(this.clock.now().getTime() - Number(timestamp) * 1000) > SENDGRID_REPLAY_WINDOW_MS) {
      throw forbidden('The SendGrid timestamp is outside the replay window.');
    }
    if (!verifySendGridSignature(this.key, req.rawBody ?? Buffer.alloc(0), signature, timestamp)) {
      throw forbidden('The SendGrid signature does not match this request.');
    }
    return true;
  }
}
