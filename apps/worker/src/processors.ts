import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUE, type JobPayloads } from '@touchpoint/core';
import { type Job, Worker } from 'bullmq';
import { DueStepService, type DueStepOutcome } from './due-step.service';
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

@Processor(QUEUE.steps, { concurrency: 20 })
export class StepsJobProcessor extends WorkerHost {
  constructor(private readonly steps: DueStepService) {
    super();
  }
  process(job: Job<JobPayloads['step.due']>): Promise<DueStepOutcome> {
    return this.steps.run(job.data.scheduledStepId);
  }
}

export class TransientSendError extends Error {
  override readonly name = 'TransientSendError';
}

@Injectable()
abstract class SendJobProcessor extends WorkerHost {
  constructor(private readonly sender: SendService) {
    super();
  }
  async process(job: Job<JobPayloads['touchpoint.send']>): Promise<SendOutcome> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await this.sender.send(job.data.touchpointId, job.attemptsMade + 1 >= attempts);
    if (outcome.status !== 'retry') return outcome;
    if (outcome.retryAfterMs) {
      // The provider said slow down: pause this whole queue, not just this job.
      await this.worker.rateLimit(outcome.retryAfterMs);
      throw Worker.RateLimitError();
    }
    throw new TransientSendError(outcome.code);
  }
}

@Processor(QUEUE.send.sms, { concurrency: 20 })
export class SmsJobProcessor extends SendJobProcessor {}

@Processor(QUEUE.send.email, { concurrency: 20 })
export class EmailJobProcessor extends SendJobProcessor {}

@Processor(QUEUE.send.push, { concurrency: 20 })
export class PushJobProcessor extends SendJobProcessor {}
