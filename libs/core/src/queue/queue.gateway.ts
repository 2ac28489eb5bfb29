import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Channel } from '@touchpoint/journeys';
import type { JobsOptions, JobType, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '../clock/clock';
import { CONFIG, type Config } from '../config/config';
import { ALL_QUEUES, jobId, QUEUE, type JobPayloads } from './queue-contract';
import { QueueShards } from './queue-shards';

const CHUNK = 1_000;

/**
 * How long a request waits for Redis to take the jobs of what it just committed. BullMQ's connection waits
 * for Redis for ever (maxRetriesPerRequest: null), so the wait is bounded here, not the job: PostgreSQL has
 * the work, and the reconciler enqueues what Redis did not take once it is back.
 */
export const HANDOFF_BOUND_MS = 500;

/** Whether Redis took it in time; `false` leaves it to the reconciler (the operation may still finish). */
export type Handoff = { taken: true } | { taken: false; error?: unknown };

/**
 * The one place that adds jobs: ids derived from what makes each job unique, delays from the one clock, and
 * each job on the shard its id picks (QueueShards), so adding it twice lands on the same queue.
 */
@Injectable()
export class QueueGateway {
  constructor(
    /** Shard 0 of the events queue (the only one unless QUEUE_SHARDS > 1). */
    @InjectQueue(QUEUE.events) readonly events: Queue<JobPayloads['events.process']>,
    /** Shard 0 of the steps queue. */
    @InjectQueue(QUEUE.steps) readonly steps: Queue<JobPayloads['step.due']>,
    readonly shards: QueueShards,
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

  /** Every queue, every shard. */
  all(): Queue[] {
    return this.shards.all();
  }

  /** The shard of the steps queue that holds a step's job. */
  stepQueue(scheduledStepId: string, dueAt: Date): Queue<JobPayloads['step.due']> {
    return this.shards.for(QUEUE.steps, jobId.step(scheduledStepId, dueAt));
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

  /** Each queue's job counts by state, its shards summed; an empty list when Redis does not answer in a second. */
  jobCounts(...states: JobType[]): Promise<{ queue: string; counts: Record<string, number> }[]> {
    const counts = Promise.all(
      ALL_QUEUES.map(async (queue) => ({
        queue,
        counts: sumCounts(await Promise.all(this.shards.of(queue).map((q) => q.getJobCounts(...states)))),
      })),
    ).catch(() => []);
    return within(1_000, counts, []);
  }

  async addEvents(eventIds: string[]): Promise<void> {
    for (let i = 0; i < eventIds.length; i += CHUNK) {
      const ids = eventIds.slice(i, i + CHUNK);
      const id = jobId.events(ids);
      await this.shards
        .for(QUEUE.events, id)
        .add(
          'events.process',
          { eventIds: ids },
          { jobId: id, attempts: 10, backoff: { type: 'exponential', delay: 1_000 } },
        );
    }
  }

  async addSteps(due: { scheduledStepId: string; dueAt: Date }[]): Promise<void> {
    const now = this.clock.now().getTime();
    const jobs = due.map((d) => ({
      name: 'step.due' as const,
      data: { scheduledStepId: d.scheduledStepId },
      opts: {
        jobId: jobId.step(d.scheduledStepId, d.dueAt),
        delay: Math.max(0, d.dueAt.getTime() - now),
        attempts: 10,
        backoff: { type: 'exponential' as const, delay: 1_000 },
      },
    }));
    await this.addBulkByShard(QUEUE.steps, jobs);
  }

  async removeSteps(due: { scheduledStepId: string; dueAt: Date }[]): Promise<void> {
    // Best effort: the step is already cancelled in PostgreSQL, so a job that survives does nothing.
    await Promise.all(
      due.map((d) =>
        this.stepQueue(d.scheduledStepId, d.dueAt)
          .remove(jobId.step(d.scheduledStepId, d.dueAt))
          .catch(() => 0),
      ),
    );
  }

  async addSends(touchpoints: { id: string; channel: Channel }[]): Promise<void> {
    for (const [channel, ids] of byChannel(touchpoints)) {
      const jobs = ids.map((touchpointId) => this.sendJob(touchpointId, 0));
      await this.addBulkByShard(QUEUE.send[channel], jobs);
    }
  }

  /**
   * Sends again a touchpoint proven not taken by its provider: a finished job of the same id (failed after
   * stalling twice) would make `addSends` a no-op, so it goes first. A waiting or running one is kept.
   * `attemptsMade`: calls already made outside a send job (the first, by its step's job, see the worker's
   * SendDispatcher), so the job carries on the same backoff with the attempts left.
   */
  async resend(touchpoint: { id: string; channel: Channel }, attemptsMade = 0): Promise<void> {
    const id = jobId.send(touchpoint.id);
    const queue = this.shards.for(QUEUE.send[touchpoint.channel], id);
    const state = await queue.getJobState(id);
    if (state === 'failed' || state === 'completed') await queue.remove(id);
    const job = this.sendJob(touchpoint.id, attemptsMade);
    await queue.add(job.name, job.data, job.opts);
  }

  /** A send job; after `attemptsMade` calls, it waits out their backoff first and has fewer attempts left. */
  private sendJob(touchpointId: string, attemptsMade: number) {
    const { SEND_BACKOFF_MS: backoff, SEND_MAX_ATTEMPTS: attempts } = this.config;
    // BullMQ's exponential backoff with jitter 0.5: between half and all of backoff × 2^(attempt - 1).
    const waited = (attempt: number) => backoff * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    return {
      name: 'touchpoint.send' as const,
      data: { touchpointId },
      opts: {
        jobId: jobId.send(touchpointId),
        delay: attemptsMade > 0 ? Math.round(waited(attemptsMade)) : 0,
        // Bounded retries; the jitter spreads a provider outage's retries instead of stampeding back.
        attempts: Math.max(1, attempts - attemptsMade),
        backoff: { type: 'exponential' as const, delay: backoff * 2 ** attemptsMade, jitter: 0.5 },
      },
    };
  }

  /**
   * Of these steps, those whose job Redis does not hold (one pipelined EXISTS for all). Re-adding a live
   * job is a no-op, but not a free one: under a backlog the reconciler would re-add thousands each tick.
   */
  async stepsWithoutJob<T extends { scheduledStepId: string; dueAt: Date }>(due: T[]): Promise<T[]> {
    return this.withoutJob(QUEUE.steps, due, (d) => jobId.step(d.scheduledStepId, d.dueAt));
  }

  /** Of these touchpoints, those whose send job Redis does not hold. */
  async sendsWithoutJob<T extends { id: string; channel: Channel }>(touchpoints: T[]): Promise<T[]> {
    const missing: T[] = [];
    for (const [channel, list] of byChannel(touchpoints, (t) => t)) {
      missing.push(...(await this.withoutJob(QUEUE.send[channel], list, (t) => jobId.send(t.id))));
    }
    return missing;
  }

  /** Events jobs waiting or running: while there are some, unprocessed events are not lost, only queued. */
  async eventsBacklog(): Promise<number> {
    const counts = await Promise.all(
      this.shards.of(QUEUE.events).map((q) => q.getJobCounts('wait', 'active', 'prioritized', 'delayed')),
    );
    return Object.values(sumCounts(counts)).reduce((a, b) => a + b, 0);
  }

  /** Adds jobs to the shards their ids pick, CHUNK at a time per shard. */
  private async addBulkByShard(
    name: string,
    jobs: { name: string; data: object; opts: { jobId: string } & JobsOptions }[],
  ): Promise<void> {
    for (const [queue, list] of groupBy(jobs, (job) => this.shards.for(name, job.opts.jobId))) {
      for (let i = 0; i < list.length; i += CHUNK) await queue.addBulk(list.slice(i, i + CHUNK));
    }
  }

  /** Of these items, those whose job Redis does not hold: one pipelined EXISTS per shard. */
  private async withoutJob<T>(name: string, items: T[], id: (item: T) => string): Promise<T[]> {
    const missing = new Set<T>();
    for (const [queue, list] of groupBy(items, (item) => this.shards.for(name, id(item)))) {
      for (const item of await withoutJob(queue, list, id)) missing.add(item);
    }
    return items.filter((item) => missing.has(item));
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}

function sumCounts(counts: Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of counts) for (const [state, n] of Object.entries(c)) sum[state] = (sum[state] ?? 0) + n;
  return sum;
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

/** Items by their channel, each mapped by `value` (its id by default). */
export function byChannel<T extends { channel: Channel }, V = string>(
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
