import { getQueueToken } from '@nestjs/bullmq';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CONFIG, type Config } from '../config/config';
import { ALL_QUEUES, shardOf, shardPrefixes } from './queue-contract';

/**
 * Every queue once per shard (QUEUE_SHARDS). Shard 0 is the queue Nest registers; the others are the same
 * queue under the next hash tags, on the same connection, so on a Redis Cluster they spread over masters.
 */
export class QueueShards implements OnApplicationShutdown {
  /** Each shard's key prefix, shard 0 first. */
  readonly prefixes: string[];
  private readonly byName: Map<string, Queue[]>;

  constructor(config: Config, firstShards: Queue[]) {
    this.prefixes = shardPrefixes(config.QUEUE_PREFIX, config.QUEUE_SHARDS);
    this.byName = new Map(
      firstShards.map((first) => {
        const others = this.prefixes
          .slice(1)
          .map((prefix) => new Queue(first.name, { ...first.opts, prefix }));
        return [first.name, [first, ...others]];
      }),
    );
  }

  get count(): number {
    return this.prefixes.length;
  }

  /** Every shard of the queue `name`, shard 0 first. */
  of(name: string): Queue[] {
    const shards = this.byName.get(name);
    if (!shards) throw new Error(`no queue named ${name}`);
    return shards;
  }

  /** The shard of queue `name` that holds (or will hold) the job `jobId`. */
  for(name: string, jobId: string): Queue {
    return this.of(name)[shardOf(jobId, this.count)];
  }

  /** Every shard of every queue. */
  all(): Queue[] {
    return ALL_QUEUES.flatMap((name) => this.of(name));
  }

  /** The shards past the first, which Nest does not know of (Bull Board adds them itself). */
  extra(): Queue[] {
    return ALL_QUEUES.flatMap((name) => this.of(name).slice(1));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.extra().map((queue) => queue.close()));
  }
}

/** QueueShards from the queues Nest registers (every name in ALL_QUEUES), whatever their number. */
export const queueShardsProvider: Provider = {
  provide: QueueShards,
  inject: [CONFIG, ...ALL_QUEUES.map((name) => getQueueToken(name))],
  useFactory: (config: Config, ...queues: Queue[]) => new QueueShards(config, queues),
};
