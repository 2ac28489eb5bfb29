import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Channel } from '@touchpoint/channels';
import type { Queue } from 'bullmq';
import { Clock } from '../clock/clock';
import { CONFIG, type Config } from '../config/config';
import { jobId, QUEUE, type JobPayloads } from './queue-contract';

const CHUNK = 1_000;

/** The one place that adds jobs: ids derived from what makes each job unique, delays from the one clock. */
@Injectable()
export class QueueGateway {
  private readonly sendQueues: Record<Channel, Queue>;

  constructor(
    @InjectQueue(QUEUE.events) readonly events: Queue<JobPayloads['events.process']>,
    @InjectQueue(QUEUE.steps) readonly steps: Queue<JobPayloads['step.due']>,
    @InjectQueue(QUEUE.send.sms) sms: Queue<JobPayloads['touchpoint.send']>,
    @InjectQueue(QUEUE.send.email) email: Queue<JobPayloads['touchpoint.send']>,
    @InjectQueue(QUEUE.send.push) push: Queue<JobPayloads['touchpoint.send']>,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.sendQueues = { sms, email, push };
  }

  all(): Queue[] {
    return [this.events, this.steps, ...Object.values(this.sendQueues)];
  }

  async addEvents(eventIds: string[]): Promise<void> {
    for (let i = 0; i < eventIds.length; i += CHUNK) {
      const ids = eventIds.slice(i, i + CHUNK);
      await this.events.add(
        'events.process',
        { eventIds: ids },
        { jobId: jobId.events(ids), attempts: 10, backoff: { type: 'exponential', delay: 1_000 } },
      );
    }
  }

  async addSteps(due: { scheduledStepId: string; dueAt: Date }[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let i = 0; i < due.length; i += CHUNK) {
      await this.steps.addBulk(
        due.slice(i, i + CHUNK).map((d) => ({
          name: 'step.due',
          data: { scheduledStepId: d.scheduledStepId },
          opts: {
            jobId: jobId.step(d.scheduledStepId, d.dueAt),
            delay: Math.max(0, d.dueAt.getTime() - now),
            attempts: 10,
            backoff: { type: 'exponential', delay: 1_000 },
          },
        })),
      );
    }
  }

  async removeSteps(due: { scheduledStepId: string; dueAt: Date }[]): Promise<void> {
    // Best effort: the step is already cancelled in PostgreSQL, so a job that survives does nothing.
    await Promise.all(
      due.map((d) => this.steps.remove(jobId.step(d.scheduledStepId, d.dueAt)).catch(() => 0)),
    );
  }

  async addSends(touchpoints: { id: string; channel: Channel }[]): Promise<void> {
    const byChannel = new Map<Channel, string[]>();
    for (const t of touchpoints) byChannel.set(t.channel, [...(byChannel.get(t.channel) ?? []), t.id]);
    for (const [channel, ids] of byChannel) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        await this.sendQueues[channel].addBulk(
          ids.slice(i, i + CHUNK).map((touchpointId) => ({
            name: 'touchpoint.send',
            data: { touchpointId },
            opts: {
              jobId: jobId.send(touchpointId),
              // Bounded retries; the jitter spreads a provider outage's retries instead of stampeding back.
              attempts: this.config.SEND_MAX_ATTEMPTS,
              backoff: { type: 'exponential', delay: this.config.SEND_BACKOFF_MS, jitter: 0.5 },
            },
          })),
        );
      }
    }
  }
}
