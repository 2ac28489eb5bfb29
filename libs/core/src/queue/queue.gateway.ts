import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Channel } from '@touchpoint/journeys';
import type { JobType, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '../clock/clock';
import { CONFIG, type Config } from '../config/config';
import { jobId, QUEUE, SEND_QUEUES_BY_CHANNEL, type JobPayloads } from './queue-contract';

const CHUNK = 1_000;

/**
 * How long a request waits for Redis to take the jobs of what it just committed. BullMQ's connection waits
 * for Redis for ever (maxRetriesPerRequest: null), so the wait is bounded here, not the job: PostgreSQL has
 * the work, and the reconciler enqueues what Redis did not take once it is back.
 */
export const HANDOFF_BOUND_MS = 500;

/** Whether Redis took it in time; `false` leaves it to the reconciler (the operation may still finish). */
export type Handoff = { taken: true } | { taken: false; error?: unknown };

/** The one place that adds jobs: ids derived from what makes each job unique, delays from the one clock. */
@Injectable()
export class QueueGateway {
  constructor(
    @InjectQueue(QUEUE.events) readonly events: Queue<JobPayloads['events.process']>,
    @InjectQueue(QUEUE.steps) readonly steps: Queue<JobPayloads['step.due']>,
    @Inject(SEND_QUEUES_BY_CHANNEL)
    private readonly sendQueues: Record<Channel, Queue<JobPayloads['touchpoint.send']>>,
    private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Runs the queue side of a committed write within HANDOFF_BOUND_MS, never throwing. */
  handOff(operation: (queue: this) => Promise<unknown>, ms = HANDOFF_BOUND_MS): Promise<Handoff> {
    const done = operation(this).then(
      (): Handoff => ({ taken: true }),
      (error: unknown): Handoff => ({ taken: false, error }),
    );
    return within(ms, done, { taken: false });
  }

  all(): Queue[] {
    return [this.events, this.steps, ...Object.values(this.sendQueues)];
  }

  /** Jobs per queue and state, for the console's overview; none when Redis does not answer in a second. */
  async depths(): Promise<
    { queue: string; waiting: number; active: number; delayed: number; failed: number }[]
  > {
    const counts = await this.jobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    return counts.map(({ queue, counts: c }) => ({
      queue,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
    }));
  }

  /** Each queue's job counts by state; an empty list when Redis does not answer within a second. */
  jobCounts(...states: JobType[]): Promise<{ queue: string; counts: Record<string, number> }[]> {
    const counts = Promise.all(
      this.all().map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...states) })),
    ).catch(() => []);
    return within(1_000, counts, []);
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
    for (const [channel, ids] of byChannel(touchpoints)) {
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

  /**
   * Sends again a touchpoint proven not taken by its provider: a finished job of the same id (failed after
   * stalling twice) would make `addSends` a no-op, so it goes first. A waiting or running one is kept.
   */
  async resend(touchpoint: { id: string; channel: Channel }): Promise<void> {
    const queue = this.sendQueues[touchpoint.channel];
    const state = await queue.getJobState(jobId.send(touchpoint.id));
    if (state === 'failed' || state === 'completed') await queue.remove(jobId.send(touchpoint.id));
    await this.addSends([touchpoint]);
  }

  /**
   * Of these steps, those whose job Redis does not hold (one pipelined EXISTS for all). Re-adding a live
   * job is a no-op, but not a free one: under a backlog the reconciler would re-add thousands each tick.
   */
  async stepsWithoutJob<T extends { scheduledStepId: string; dueAt: Date }>(due: T[]): Promise<T[]> {
    return withoutJob(this.steps, due, (d) => jobId.step(d.scheduledStepId, d.dueAt));
  }

  /** Of these touchpoints, those whose send job Redis does not hold. */
  async sendsWithoutJob<T extends { id: string; channel: Channel }>(touchpoints: T[]): Promise<T[]> {
    const missing: T[] = [];
    for (const [channel, list] of byChannel(touchpoints, (t) => t)) {
      missing.push(...(await withoutJob(this.sendQueues[channel], list, (t) => jobId.send(t.id))));
    }
    return missing;
  }

  /** Events jobs waiting or running: while there are some, unprocessed events are not lost, only queued. */
  async eventsBacklog(): Promise<number> {
    const counts = await this.events.getJobCounts('wait', 'active', 'prioritized', 'delayed');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}

/** `work`'s outcome if it settles within `ms`, else `fallback` (the work may still finish). */
async function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, bound]);
  } finally {
    clearTimeout(timer);
  }
}

function byChannel<T extends { channel: Channel }, V = string>(
  items: T[],
  value: (item: T) => V = (item) => (item as unknown as { id: V }).id,
): Map<Channel, V[]> {
  const map = new Map<Channel, V[]>();
  for (const item of items) {
    const list = map.get(item.channel) ?? [];
    list.push(value(item));
    map.set(item.channel, list);
  }
  return map;
}

async function withoutJob<T>(queue: Queue, items: T[], id: (item: T) => string): Promise<T[]> {
  if (items.length === 0) return items;
  // BullMQ types its client loosely; it is an ioredis connection.
  const client = (await queue.client) as unknown as Redis;
  const pipeline = client.pipeline();
  for (const item of items) pipeline.exists(queue.toKey(id(item)));
  const answers = (await pipeline.exec()) ?? [];
  return items.filter((_, i) => answers[i]?.[1] !== 1);
}
