import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import { ChannelRouter, type Channel } from '@touchpoint/channels';
import {
  CONFIG,
  ProviderCircuits,
  QUEUE,
  QueueShards,
  ratePerSecond,
  SendRate,
  unavailableDependency,
  type Config,
  type JobPayloads,
} from '@touchpoint/core';
import { DelayedError, type Job, type Queue, Worker, type WorkerOptions } from 'bullmq';
import { DueStepBatcher } from './due-step-batcher';
import { type DueStepOutcome } from './due-step.service';
import { EventProcessor, type EventsOutcome } from './event-processor.service';
import { MAX_PAUSE_MS, SEND_CONCURRENCY } from './send-dispatcher.service';
import { SendService, type SendOutcome } from './send.service';

/** The longest a job waits for the database to come back before it looks again. */
const MAX_HOLD_MS = 30_000;

/**
 * Runs a job's work; if the database is away, the job waits (1 s, doubling up to MAX_HOLD_MS) and runs again,
 * spending no attempt: an outage must not exhaust retries, and a job failed for good would keep its id, so
 * the reconciler could not enqueue its work again.
 */
async function holdWhileUnavailable<T>(
  job: Job,
  token: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!token || !unavailableDependency(error)) throw error;
    const holds = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
    await job.moveToDelayed(Date.now() + Math.min(1_000 * 2 ** Math.min(holds, 5), MAX_HOLD_MS), token);
    throw new DelayedError();
  }
}

export const EVENTS_WORKER_OPTIONS = { concurrency: 4 };
// A steps job mostly waits for its batch (DueStepBatcher): many in hand cost little and make batches.
export const STEPS_WORKER_OPTIONS = { concurrency: 250 };

/** Thin: read the job's ids, call one use case, return its outcome (BullMQ keeps it as the result). */
@Processor(QUEUE.events, EVENTS_WORKER_OPTIONS)
export class EventsJobProcessor extends WorkerHost {
  constructor(private readonly events: EventProcessor) {
    super();
  }
  process(job: Job<JobPayloads['events.process']>, token?: string): Promise<EventsOutcome> {
    return holdWhileUnavailable(job, token, () => this.events.process(job.data.eventIds));
  }
}

@Processor(QUEUE.steps, STEPS_WORKER_OPTIONS)
export class StepsJobProcessor extends WorkerHost {
  constructor(private readonly steps: DueStepBatcher) {
    super();
  }
  process(job: Job<JobPayloads['step.due']>, token?: string): Promise<DueStepOutcome> {
    return holdWhileUnavailable(job, token, () => this.steps.run(job.data.scheduledStepId));
  }
}

export class TransientSendError extends Error {
  override readonly name = 'TransientSendError';
}

/** Re-runs a job may have that spent no attempt (429 pauses, stalls) before a 429 counts as final. */
const MAX_UNCOUNTED_RUNS = 50;

abstract class SendJobProcessor extends WorkerHost {
  constructor(
    private readonly sender: SendService,
    /** Every shard of this channel's queue. */
    private readonly queues: Queue[],
    private readonly circuits: ProviderCircuits,
    private readonly rate: SendRate,
    private readonly channel: Channel,
    private readonly provider: string,
  ) {
    super();
  }

  process(job: Job<JobPayloads['touchpoint.send']>, token?: string): Promise<SendOutcome> {
    return holdWhileUnavailable(job, token, () => this.sendOnce(job));
  }

  private async sendOnce(job: Job<JobPayloads['touchpoint.send']>): Promise<SendOutcome> {
    // The channel's rate is shared with the sends made straight from their step's job (SendDispatcher).
    const allowance = await this.rate.take(this.channel);
    if (!allowance.granted) return this.pause(allowance.retryInMs);
    const gate = await this.circuits.admit(this.provider);
    // The provider is down: the message waits for the probe's verdict, spending no attempt.
    if (gate.kind === 'wait') return this.pause(gate.ms);
    const probe = gate.kind === 'probe';
    let circuit: { open: boolean; retryInMs: number } | undefined;
    const outcome = await this.sender
      .send(job.data.touchpointId, async (failure) => {
        // A 429 says the provider is up and busy: its pause is the Retry-After, not the circuit.
        if (!failure.retryAfterMs) circuit = await this.circuits.failed(this.provider, probe);
        return !circuit?.open && this.attemptsSpent(job);
      })
      .catch(async (error: unknown) => {
        if (probe) await this.circuits.releaseProbe(this.provider);
        throw error;
      });
    if (outcome.status === 'skipped' || outcome.status === 'expired' || outcome.status === 'suppressed') {
      // Nothing reached the provider: the next job probes instead.
      if (probe) await this.circuits.releaseProbe(this.provider);
      return outcome;
    }
    // A lost answer (a 500, a reset, a read timeout) is settled on its own, but says the provider is unwell.
    if (outcome.status === 'in_doubt' || outcome.status === 'unknown') {
      circuit = await this.circuits.failed(this.provider, probe);
    }
    // Any other answer (taken, refused for good, a 429) proves the provider is up.
    else if (!circuit && (probe || (gate.kind === 'closed' && gate.failures > 0))) {
      await this.circuits.answered(this.provider);
    }
    if (outcome.status !== 'retry') return outcome;
    if (circuit?.open) return this.pause(circuit.retryInMs);
    // The provider said slow down: pause this whole queue (every worker, via Redis), not just this job.
    if (outcome.retryAfterMs) return this.pause(Math.min(outcome.retryAfterMs, MAX_PAUSE_MS));
    throw new TransientSendError(outcome.code);
  }

  private attemptsSpent(job: Job): boolean {
    const attempts = job.opts.attempts ?? 1;
    return job.attemptsMade + 1 >= attempts || job.attemptsStarted - job.attemptsMade > MAX_UNCOUNTED_RUNS;
  }

  /**
   * Pauses this whole queue, every shard of it (every worker, via Redis), and hands the job back without
   * spending an attempt. This only holds because the worker has a `limiter`: without one BullMQ ignores the
   * pause.
   */
  private async pause(ms: number): Promise<never> {
    await Promise.all(this.queues.map((queue) => queue.rateLimit(ms)));
    throw Worker.RateLimitError();
  }
}

/** Nest token of the send processor for a channel. */
export const sendProcessorToken = (channel: Channel) => `SendJobProcessor:${channel}`;

/**
 * A send queue's worker: its provider's rate limit, and how soon a crashed worker's job is taken over. BullMQ
 * counts the limit per queue, so with QUEUE_SHARDS each shard gets an even share of it (at least 1 a second).
 */
export function sendWorkerOptions(channel: Channel, config: Config): Omit<WorkerOptions, 'connection'> {
  const perShard = Math.max(1, Math.floor(ratePerSecond(config, channel) / config.QUEUE_SHARDS));
  return {
    concurrency: SEND_CONCURRENCY,
    limiter: { max: perShard, duration: 1_000 },
    lockDuration: config.SEND_LOCK_MS,
    stalledInterval: config.SEND_LOCK_MS,
  };
}

/**
 * One send processor per channel queue, built from the config: `@Processor` options are static, and the
 * rate limit is not, so the class is made here (one per app, so two apps in one process keep their own).
 */
export function sendProcessorProvider(channel: Channel): Provider {
  return {
    provide: sendProcessorToken(channel),
    inject: [SendService, QueueShards, CONFIG, ProviderCircuits, SendRate, ChannelRouter],
    useFactory: (
      sender: SendService,
      shards: QueueShards,
      config: Config,
      circuits: ProviderCircuits,
      rate: SendRate,
      router: ChannelRouter,
    ) => {
      @Processor(QUEUE.send[channel], sendWorkerOptions(channel, config))
      class ChannelSendJobProcessor extends SendJobProcessor {}
      const queues = shards.of(QUEUE.send[channel]);
      const provider = router.for(channel).provider;
      return new ChannelSendJobProcessor(sender, queues, circuits, rate, channel, provider);
    },
  };
}
