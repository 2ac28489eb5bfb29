import { getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import type { Channel } from '@touchpoint/channels';
import { CONFIG, QUEUE, type Config, type JobPayloads } from '@touchpoint/core';
import { type Job, type Queue, Worker, type WorkerOptions } from 'bullmq';
import { DueStepBatcher } from './due-step-batcher';
import { type DueStepOutcome } from './due-step.service';
import { EventProcessor, type EventsOutcome } from './event-processor.service';
import { SendService, type SendOutcome } from './send.service';

/** Thin: read the job's ids, call one use case, return its outcome (BullMQ keeps it as the result). */
@Processor(QUEUE.events, { concurrency: 4 })
export class EventsJobProcessor extends WorkerHost {
  constructor(private readonly events: EventProcessor) {
    super();
  }
  process(job: Job<JobPayloads['events.process']>): Promise<EventsOutcome> {
    return this.events.process(job.data.eventIds);
  }
}

// A steps job mostly waits for its batch (DueStepBatcher): many in hand cost little and make batches.
@Processor(QUEUE.steps, { concurrency: 250 })
export class StepsJobProcessor extends WorkerHost {
  constructor(private readonly steps: DueStepBatcher) {
    super();
  }
  process(job: Job<JobPayloads['step.due']>): Promise<DueStepOutcome> {
    return this.steps.run(job.data.scheduledStepId);
  }
}

export class TransientSendError extends Error {
  override readonly name = 'TransientSendError';
}

/** Re-runs a job may have that spent no attempt (429 pauses, stalls) before a 429 counts as final. */
const MAX_UNCOUNTED_RUNS = 50;
/** The longest a provider's Retry-After pauses a queue; a longer ask is clipped and asked again. */
const MAX_PAUSE_MS = 5 * 60_000;

abstract class SendJobProcessor extends WorkerHost {
  constructor(
    private readonly sender: SendService,
    private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['touchpoint.send']>): Promise<SendOutcome> {
    const attempts = job.opts.attempts ?? 1;
    const finalAttempt =
      job.attemptsMade + 1 >= attempts || job.attemptsStarted - job.attemptsMade > MAX_UNCOUNTED_RUNS;
    const outcome = await this.sender.send(job.data.touchpointId, finalAttempt);
    if (outcome.status !== 'retry') return outcome;
    if (outcome.retryAfterMs) {
      // The provider said slow down: pause this whole queue (every worker, via Redis), not just this job.
      // This only holds because the worker has a `limiter`: without one BullMQ ignores the pause.
      await this.queue.rateLimit(Math.min(outcome.retryAfterMs, MAX_PAUSE_MS));
      throw Worker.RateLimitError();
    }
    throw new TransientSendError(outcome.code);
  }
}

/** Nest token of the send processor for a channel. */
export const sendProcessorToken = (channel: Channel) => `SendJobProcessor:${channel}`;

const RATE_PER_SECOND: Record<Channel, (c: Config) => number> = {
  sms: (c) => c.SMS_RATE_PER_SECOND,
  email: (c) => c.EMAIL_RATE_PER_SECOND,
  push: (c) => c.PUSH_RATE_PER_SECOND,
};

/** A send queue's worker: its provider's rate limit, and how soon a crashed worker's job is taken over. */
export function sendWorkerOptions(channel: Channel, config: Config): Omit<WorkerOptions, 'connection'> {
  return {
    concurrency: 20,
    limiter: { max: RATE_PER_SECOND[channel](config), duration: 1_000 },
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
    inject: [SendService, getQueueToken(QUEUE.send[channel]), CONFIG],
    useFactory: (sender: SendService, queue: Queue, config: Config) => {
      @Processor(QUEUE.send[channel], sendWorkerOptions(channel, config))
      class ChannelSendJobProcessor extends SendJobProcessor {}
      return new ChannelSendJobProcessor(sender, queue);
    },
  };
}
