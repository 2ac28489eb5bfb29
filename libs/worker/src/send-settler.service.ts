import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelRouter, type Channel, type ProviderLookup } from '@touchpoint/channels';
import {
  CONFIG,
  Clock,
  CustomerRepository,
  DB,
  QueueGateway,
  SendMetrics,
  TouchpointRepository,
  type Config,
  type Database,
  type Touchpoint,
} from '@touchpoint/core';
import type { Kysely } from 'kysely';
import { outboundMessage } from './outbound-message';

const BATCH = 500;

export interface SettleReport {
  /** The provider had it: `sent`, with its id. */
  sent: number;
  /** The provider never took it: back to `scheduled`, sent again, once. */
  notTaken: number;
  /** The provider cannot tell: `unknown`, never re-sent. */
  unknown: number;
  /** The provider could not be asked now: asked again after SEND_SETTLE_DELAY_MS. */
  postponed: number;
}

/**
 * Settles the sends that may or may not have reached their provider: those whose answer was lost after
 * the request was written, and those left `sending` by a process that died mid-call. Asks the provider
 * where it can tell (Twilio's Messages list); never sends again unless the provider proved it has nothing.
 */
@Injectable()
export class SendSettler {
  private readonly logger = new Logger(SendSettler.name);

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly router: ChannelRouter,
    private readonly queue: QueueGateway,
    private readonly metrics: SendMetrics,
  ) {}

  async settleDue(): Promise<SettleReport> {
    const now = this.clock.now();
    const stuckBefore = new Date(now.getTime() - this.config.SENDING_TIMEOUT_MS);
    const report: SettleReport = { sent: 0, notTaken: 0, unknown: 0, postponed: 0 };
    for (const touchpoint of await this.touchpoints.listToSettle(now, stuckBefore, BATCH)) {
      const outcome = await this.settle(touchpoint);
      report[outcome]++;
    }
    return report;
  }

  private async settle(touchpoint: Touchpoint): Promise<keyof SettleReport> {
    // Survey answers and webhook calls are no provider's messages.
    const channel =
      touchpoint.channel === 'survey' || touchpoint.channel === 'webhook' ? undefined : touchpoint.channel;
    const adapter = channel && this.router.for(channel);
    if (!channel || !adapter?.lookUp || !touchpoint.to || !touchpoint.rendered) {
      return this.markUnknown(touchpoint, adapter?.provider);
    }
    const customer = await this.customers.find(touchpoint.customer_id);
    const message = outboundMessage({ ...touchpoint, to: touchpoint.to }, customer);
    // `updated_at` is the claim's time: whatever the provider took of this send, it took after it.
    let lookup: ProviderLookup;
    try {
      lookup = await adapter.lookUp(message, touchpoint.updated_at);
    } catch (error) {
      lookup = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    const now = this.clock.now();
    switch (lookup.kind) {
      case 'failed':
        this.logger.warn(
          { touchpointId: touchpoint.id, provider: adapter.provider, error: lookup.message },
          'could not ask the provider about an in-doubt send: asking again later',
        );
        await this.touchpoints.postponeSettling(
          touchpoint.id,
          new Date(now.getTime() + this.config.SEND_SETTLE_DELAY_MS),
        );
        return 'postponed';
      case 'found': {
        const match = await this.unowned(touchpoint, adapter.provider, lookup.matches);
        if (!match) return this.sendAgain(touchpoint, adapter.provider, channel);
        const moved = await this.touchpoints.advance(this.db, touchpoint.id, {
          to: 'sent',
          at: now,
          set: {
            provider: adapter.provider,
            provider_message_id: match.providerMessageId,
            sent_at: now,
            details: match.details ? JSON.stringify(match.details) : null,
            settle_after: null,
            error: null,
            error_message: null,
          },
          detail: { settled: 'lookup', providerMessageId: match.providerMessageId },
        });
        if (moved) this.metrics.settled(channel, adapter.provider, 'sent');
        return 'sent';
      }
      case 'not_found':
        return this.sendAgain(touchpoint, adapter.provider, channel);
    }
  }

  /** The first match no other touchpoint already owns (the same text to the same number, sent before). */
  private async unowned(
    touchpoint: Touchpoint,
    provider: string,
    matches: Extract<ProviderLookup, { kind: 'found' }>['matches'],
  ) {
    for (const match of matches) {
      const owner = await this.touchpoints.findByProviderMessageId(provider, match.providerMessageId);
      if (!owner || owner.id === touchpoint.id) return match;
    }
    return undefined;
  }

  /** Proven not taken: back to `scheduled` and queued again; the claim makes it one send. */
  private async sendAgain(
    touchpoint: Touchpoint,
    provider: string,
    channel: Channel,
  ): Promise<keyof SettleReport> {
    const moved = await this.touchpoints.transition(this.db, touchpoint.id, {
      from: 'sending',
      to: 'scheduled',
      at: this.clock.now(),
      set: { settle_after: null, error: null, error_message: null },
      detail: { settled: 'not_taken', after: inDoubtCode(touchpoint) },
    });
    if (!moved) return 'postponed';
    await this.queue.resend({ id: touchpoint.id, channel });
    this.metrics.settled(channel, provider, 'not_taken');
    return 'notTaken';
  }

  private async markUnknown(touchpoint: Touchpoint, provider?: string): Promise<keyof SettleReport> {
    const moved = await this.touchpoints.transition(this.db, touchpoint.id, {
      from: 'sending',
      to: 'unknown',
      at: this.clock.now(),
      set: { settle_after: null, error: inDoubtCode(touchpoint) },
      detail: { inDoubt: inDoubtCode(touchpoint) },
    });
    if (moved && touchpoint.channel !== 'survey') {
      this.metrics.settled(touchpoint.channel, provider ?? touchpoint.provider ?? 'unknown', 'unknown');
    }
    return 'unknown';
  }
}

/** Why the send is in doubt: the lost answer's code, or the process that never came back. */
function inDoubtCode(touchpoint: Touchpoint): string {
  return (touchpoint.settle_after && touchpoint.error) || 'sending_timeout';
}
