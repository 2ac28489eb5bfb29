import { Injectable, Logger } from '@nestjs/common';
import { ChannelRouter, fcmTokenOf, type SendResult } from '@touchpoint/channels';
import {
  CONFIG,
  Clock,
  CustomerRepository,
  DB,
  type Customer,
  SendMetrics,
  TouchpointRepository,
  type Config,
  type Database,
} from '@touchpoint/core';
import { Inject } from '@nestjs/common';
import { recheckSend } from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { outboundMessage } from './outbound-message';

export type SendOutcome =
  | { status: 'skipped' }
  | { status: 'sent'; providerMessageId: string }
  | { status: 'suppressed'; reason: string }
  /** Held past its `expiresAfter` (an outage, a pause, quiet hours): never sent late. */
  | { status: 'expired' }
  | { status: 'failed'; code: string }
  /** The provider's answer was lost after the request was written: settled later, or `unknown`. */
  | { status: 'in_doubt' | 'unknown'; code: string }
  | { status: 'retry'; code: string; retryAfterMs?: number };

/** A failure the provider proved it did not take: the message may be retried. */
export interface TransientFailure {
  provider: string;
  code: string;
  /** The provider asked to slow down (a 429) for this long. */
  retryAfterMs?: number;
}

/** How the caller that decided the message a moment ago helps its send along. */
export interface SendOptions {
  /** The customer as the decision read them, milliseconds ago in the same job: not read again. */
  customer?: Customer;
  /** Runs the provider call in the caller's slot (its limit of calls in flight): the claim and the answer
   * stay outside it, so those of many sends share their statements. */
  callSlot?: <T>(call: () => Promise<T>) => Promise<T>;
}

/** Send: claim the touchpoint (scheduled → sending), call the provider once, record what it said. */
@Injectable()
export class SendService {
  private readonly logger = new Logger(SendService.name);

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly router: ChannelRouter,
    private readonly metrics: SendMetrics,
  ) {}

  /**
   * `giveUp` is asked only after a transient failure: true records it as `failed` for good, false hands the
   * touchpoint back for a retry (the caller knows the attempts left and the provider's circuit).
   */
  async send(
    touchpointId: string,
    giveUp: (failure: TransientFailure) => Promise<boolean>,
    options: SendOptions = {},
  ): Promise<SendOutcome> {
    const claimed = await this.touchpoints.transition(this.db, touchpointId, {
      from: 'scheduled',
      to: 'sending',
      at: this.clock.now(),
    });
    if (!claimed) return { status: 'skipped' };
    if (!claimed.rendered || !claimed.to || claimed.channel === 'survey' || claimed.channel === 'webhook') {
      await this.touchpoints.transition(this.db, touchpointId, {
        from: 'sending',
        to: 'scheduled',
        at: this.clock.now(),
      });
      return { status: 'skipped' };
    }
    const customer =
      options.customer?.id === claimed.customer_id
        ? options.customer
        : await this.customers.find(claimed.customer_id);
    // Time passed since the step was decided (an outage, an inbound STOP): what is true now decides.
    const blocker = recheckSend({
      now: this.clock.now(),
      channel: claimed.channel,
      consent: customer?.consent,
      expiresAt: claimed.expires_at,
    });
    if (blocker) {
      const expired = blocker === 'expired';
      await this.touchpoints.transition(this.db, touchpointId, {
        from: 'sending',
        to: expired ? 'expired' : 'suppressed',
        at: this.clock.now(),
        set: { error: blocker },
      });
      return expired ? { status: 'expired' } : { status: 'suppressed', reason: blocker };
    }
    const fcmToken = claimed.channel === 'push' ? fcmTokenOf(claimed.to) : undefined;
    const message = outboundMessage({ ...claimed, to: claimed.to }, customer);
    const adapter = this.router.for(claimed.channel);
    let result: SendResult;
    try {
      result = await (options.callSlot
        ? options.callSlot(() => adapter.send(message))
        : adapter.send(message));
    } catch (error) {
      // Adapters answer rather than throw: a throw is a bug, and whether it came before the request left is unknown.
      result = {
        ok: false,
        provider: adapter.provider,
        kind: 'in_doubt',
        code: 'adapter_error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    const now = this.clock.now();
    if (result.ok) {
      this.metrics.accepted(claimed.channel, result.provider, claimed.scheduled_for, now);
      const accepted = {
        provider: result.provider,
        provider_message_id: result.providerMessageId,
        sent_at: now,
        details: result.details ? JSON.stringify(result.details) : null,
      };
      // From `sending`, or from `unknown` if this call outlived SENDING_TIMEOUT_MS. A delivery webhook can
      // beat this write: the status it set stands, and the provider's answer is still kept.
      const moved = await this.touchpoints.advance(this.db, touchpointId, {
        to: 'sent',
        at: now,
        set: accepted,
      });
      if (!moved) await this.touchpoints.update(this.db, touchpointId, accepted, now);
      return { status: 'sent', providerMessageId: result.providerMessageId };
    }
    this.metrics.providerError(claimed.channel, result.provider, result.code, result.kind);
    if (result.kind === 'in_doubt') {
      const failure = { provider: result.provider, error: result.code, errorMessage: result.message };
      this.logger.warn(
        { touchpointId, provider: result.provider, code: result.code },
        'the provider may have taken this message: it is settled, never re-sent blindly',
      );
      if (adapter.lookUp) {
        const settleAfter = new Date(now.getTime() + this.config.SEND_SETTLE_DELAY_MS);
        await this.touchpoints.markInDoubt(touchpointId, { settleAfter, ...failure });
        return { status: 'in_doubt', code: result.code };
      }
      // The provider cannot say what it took (SendGrid without Email Activity, push services).
      await this.touchpoints.transition(this.db, touchpointId, {
        from: 'sending',
        to: 'unknown',
        at: now,
        set: { provider: result.provider, error: result.code, error_message: result.message },
        detail: { inDoubt: result.code },
      });
      this.metrics.settled(claimed.channel, result.provider, 'unknown');
      return { status: 'unknown', code: result.code };
    }
    const transient = result.kind === 'transient' && {
      provider: result.provider,
      code: result.code,
      retryAfterMs: result.retryAfterMs,
    };
    if (!transient || (await giveUp(transient))) {
      // The dead address goes first: once the touchpoint says `failed`, nothing else will send to it.
      if (customer && result.revoke === 'consent') {
        await this.customers.setConsent(customer.id, claimed.channel, false, now);
      }
      if (customer && result.revoke === 'subscription') {
        if (fcmToken) await this.customers.removeFcmToken(customer.id, fcmToken, now);
        else await this.customers.removePushSubscription(customer.id, claimed.to, now);
      }
      await this.touchpoints.transition(this.db, touchpointId, {
        from: 'sending',
        to: 'failed',
        at: now,
        set: { provider: result.provider, error: result.code, error_message: result.message },
        detail: { code: result.code },
      });
      return { status: 'failed', code: result.code };
    }
    // Transient: the provider did not take it, so hand the claim back for the retry.
    await this.touchpoints.transition(this.db, touchpointId, {
      from: 'sending',
      to: 'scheduled',
      at: now,
      set: {},
      detail: { retry: result.code },
    });
    this.logger.warn(
      { touchpointId, provider: result.provider, code: result.code },
      'transient send failure, will retry',
    );
    return { status: 'retry', code: result.code, retryAfterMs: result.retryAfterMs };
  }
}
