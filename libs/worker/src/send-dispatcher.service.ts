import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelRouter, type Channel } from '@touchpoint/channels';
import {
  byChannel,
  CONFIG,
  ProviderCircuits,
  QUEUE,
  QueueGateway,
  QueueShards,
  SendRate,
  type Config,
  type Customer,
} from '@touchpoint/core';
import pLimit from 'p-limit';
import { SendService, type TransientFailure } from './send.service';

/** Provider calls in flight at once, per channel and process: the send queue's worker concurrency too. */
export const SEND_CONCURRENCY = 20;
/** The longest a provider's Retry-After pauses a queue; a longer ask is clipped and asked again. */
export const MAX_PAUSE_MS = 5 * 60_000;

type ReadySend = { id: string; channel: Channel; customer?: Customer };

/**
 * Sends the touchpoints a step batch has just made ready, from the job that decided them: one BullMQ job
 * a message instead of two (the due step, then the send), which was half of a message's Redis work.
 *
 * Only while the provider's way is clear: its circuit closed with no failure counted, its send queue not
 * paused by a Retry-After, and the channel's rate (`SendRate`, shared with the send queue) granting the
 * whole batch. Otherwise, and for every message whose first call must be retried, the send queue takes
 * over: its attempts, backoff, probes and pauses are the one way a message is retried.
 *
 * Nothing here can send twice: `SendService.send` claims the touchpoint (`scheduled → sending`) before it
 * calls the provider, and a send job the reconciler or a retry adds for the same touchpoint finds it
 * claimed. A crash mid-call leaves it `sending`, settled by the SendSettler like any send job's.
 */
@Injectable()
export class SendDispatcher {
  private readonly logger = new Logger(SendDispatcher.name);
  private readonly inFlight = new Map<Channel, ReturnType<typeof pLimit>>();

  constructor(
    private readonly sender: SendService,
    private readonly queue: QueueGateway,
    private readonly shards: QueueShards,
    private readonly circuits: ProviderCircuits,
    private readonly router: ChannelRouter,
    private readonly rate: SendRate,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Sends what it may now (resolving when those calls are answered) and queues the rest. */
  async dispatch(sends: ReadySend[]): Promise<void> {
    await Promise.all(
      [...byChannel(sends, (send) => send)].map(async ([channel, ready]) => {
        const clear = await this.wayIsClear(channel, ready.length).catch((error: unknown) => {
          this.logger.warn(
            { err: error, channel },
            'could not tell if the way is clear: sending by the queue',
          );
          return false;
        });
        if (!clear) {
          await this.queue.addSends(ready.map(({ id }) => ({ id, channel })));
          return;
        }
        // Only the provider calls wait for a slot: the claims of the whole batch share a statement, and the
        // answers that come back together share theirs.
        const callSlot = this.limit(channel);
        await Promise.all(ready.map((send) => this.sendNow(send, callSlot)));
      }),
    );
  }

  private async wayIsClear(channel: Channel, count: number): Promise<boolean> {
    const provider = this.router.for(channel).provider;
    const gate = await this.circuits.admit(provider);
    if (gate.kind === 'probe') await this.circuits.releaseProbe(provider);
    if (gate.kind !== 'closed' || gate.failures > 0) return false;
    const paused = await Promise.all(
      this.shards.of(QUEUE.send[channel]).map(async (queue) => (await queue.getRateLimitTtl()) > 0),
    );
    if (paused.some(Boolean)) return false;
    return (await this.rate.take(channel, count)).granted;
  }

  private async sendNow(
    { id, channel, customer }: ReadySend,
    callSlot: ReturnType<typeof pLimit>,
  ): Promise<void> {
    const provider = this.router.for(channel).provider;
    /** Calls this made that count as attempts: a 429 or a failure before the call spends none. */
    let attemptsMade = 0;
    try {
      const giveUp = async (failure: TransientFailure) => {
        // A 429 says the provider is up and busy; anything else counts toward opening its circuit.
        const circuit = failure.retryAfterMs ? undefined : await this.circuits.failed(provider, false);
        return !circuit?.open && this.config.SEND_MAX_ATTEMPTS <= 1;
      };
      const outcome = await this.sender.send(id, giveUp, { customer, callSlot });
      if (outcome.status === 'in_doubt' || outcome.status === 'unknown') {
        await this.circuits.failed(provider, false);
      }
      if (outcome.status !== 'retry') return;
      if (outcome.retryAfterMs) {
        const ms = Math.min(outcome.retryAfterMs, MAX_PAUSE_MS);
        await Promise.all(this.shards.of(QUEUE.send[channel]).map((queue) => queue.rateLimit(ms)));
      } else {
        attemptsMade = 1;
      }
    } catch (error) {
      // The database or Redis went away mid-send: the queue (or, if Redis is gone too, the reconciler) retries.
      this.logger.warn({ err: error, touchpointId: id }, 'direct send failed: handed to the send queue');
    }
    await this.queue.resend({ id, channel }, attemptsMade).catch((error: unknown) => {
      // Redis is away: the touchpoint is ready in PostgreSQL, and the reconciler re-adds its job.
      this.logger.warn({ err: error, touchpointId: id }, 'could not queue a send for its retry');
    });
  }

  private limit(channel: Channel): ReturnType<typeof pLimit> {
    let limit = this.inFlight.get(channel);
    if (!limit) this.inFlight.set(channel, (limit = pLimit(SEND_CONCURRENCY)));
    return limit;
  }
}
