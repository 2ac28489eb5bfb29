import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Channel, DeliveryStatus } from '@touchpoint/channels';
import {
  Clock,
  CustomerRepository,
  DB,
  isRepeatable,
  TouchpointRepository,
  WebhookReceiptRepository,
  type Database,
  type Touchpoint,
  type TouchpointUpdate,
} from '@touchpoint/core';
import type { Kysely } from 'kysely';

/** One piece of provider feedback about one message. */
export interface DeliveryFeedback {
  provider: 'twilio' | 'sendgrid';
  status: DeliveryStatus;
  /** When it happened, by the provider's clock if it said, else when it reached us. */
  at: Date;
  /** Where the provider carried our id (SendGrid custom args, the Twilio callback URL). */
  touchpointId?: string;
  providerMessageId?: string;
  /** The provider's id for this event: a redelivery of it is acknowledged and ignored. */
  eventId?: string;
  error?: { code: string; message?: string };
  /** The recipient opted out through the provider: the channel's consent is revoked. */
  revokeConsent?: boolean;
  detail?: Record<string, unknown>;
}

export type FeedbackOutcome = 'applied' | 'recorded' | 'stale' | 'duplicate' | 'unknown_touchpoint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEVER_SENT = new Set(['scheduled', 'suppressed', 'cancelled', 'answered']);

/** Learn: provider webhooks move touchpoints forward (never back) and opt-outs revoke consent. */
@Injectable()
export class DeliveryFeedbackService {
  private readonly logger = new Logger(DeliveryFeedbackService.name);

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly receipts: WebhookReceiptRepository,
  ) {}

  async apply(feedback: DeliveryFeedback): Promise<FeedbackOutcome> {
    const now = this.clock.now();
    const result = await this.db.transaction().execute(async (trx) => {
      if (feedback.eventId && !(await this.receipts.claim(trx, feedback.provider, feedback.eventId, now))) {
        return { outcome: 'duplicate' as const };
      }
      const touchpoint = await this.find(trx, feedback);
      if (!touchpoint) return { outcome: 'unknown_touchpoint' as const };
      const detail = { source: feedback.provider, ...feedback.detail };
      const moved = await this.touchpoints.advance(trx, touchpoint.id, {
        to: feedback.status,
        at: feedback.at,
        set: this.changes(touchpoint, feedback),
        detail,
      });
      if (moved) return { outcome: 'applied' as const, touchpoint };
      // Each open and click is an engagement worth its line, even when the status is already past it.
      if (isRepeatable(feedback.status) && !NEVER_SENT.has(touchpoint.status)) {
        await this.touchpoints.recordEvent(trx, touchpoint.id, {
          status: feedback.status,
          at: feedback.at,
          detail,
        });
        return { outcome: 'recorded' as const, touchpoint };
      }
      return { outcome: 'stale' as const, touchpoint };
    });
    if (
      feedback.revokeConsent &&
      result.touchpoint &&
      result.touchpoint.channel !== 'survey' &&
      result.touchpoint.channel !== 'webhook'
    ) {
      await this.customers.setConsent(result.touchpoint.customer_id, result.touchpoint.channel, false, now);
      this.logger.log(
        { touchpointId: result.touchpoint.id, channel: result.touchpoint.channel },
        'consent revoked by provider feedback',
      );
    }
    return result.outcome;
  }

  /** An inbound STOP (or START): every customer with this phone loses (or regains) the channel's consent. */
  setConsentByPhone(phone: string, channel: Channel, value: boolean): Promise<string[]> {
    return this.customers.setConsentByPhone(phone, channel, value, this.clock.now());
  }

  /** A message came in from this phone on `channel`: when its customers last wrote to us. */
  recordInbound(phone: string, channel: Channel): Promise<string[]> {
    return this.customers.recordInbound(phone, channel, this.clock.now());
  }

  private async find(trx: Kysely<Database>, feedback: DeliveryFeedback): Promise<Touchpoint | undefined> {
    if (feedback.providerMessageId) {
      const byMessage = await this.touchpoints.findByProviderMessageId(
        feedback.provider,
        feedback.providerMessageId,
        trx,
      );
      if (byMessage) return byMessage;
    }
    if (feedback.touchpointId && UUID.test(feedback.touchpointId)) {
      return this.touchpoints.find(feedback.touchpointId, trx);
    }
    return undefined;
  }

  private changes(touchpoint: Touchpoint, feedback: DeliveryFeedback): TouchpointUpdate {
    const set: TouchpointUpdate = {};
    // A callback that beat the worker's own write of the provider's answer still records whose message it is.
    if (feedback.providerMessageId && !touchpoint.provider_message_id) {
      set.provider = feedback.provider;
      set.provider_message_id = feedback.providerMessageId;
    }
    if (feedback.status === 'delivered') set.delivered_at = feedback.at;
    if (feedback.error && (feedback.status === 'failed' || feedback.status === 'bounced')) {
      set.error = feedback.error.code;
      set.error_message = feedback.error.message ?? null;
    }
    return set;
  }
}
