import type { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CHANNEL_NAMES } from '@touchpoint/journeys';
import { CONFIG, QUEUE, QueueShards, type Config } from '@touchpoint/core';
import { Worker, type WorkerOptions } from 'bullmq';
import {
  EVENTS_WORKER_OPTIONS,
  EventsJobProcessor,
  sendProcessorToken,
  sendWorkerOptions,
  STEPS_WORKER_OPTIONS,
  StepsJobProcessor,
} from './processors';

type Options = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * The workers of the shards past the first (QUEUE_SHARDS > 1): Nest's `@Processor` consumes shard 0, and
 * each other shard gets a BullMQ Worker here with the same processor and options.
 */
@Injectable()
export class ShardWorkers implements OnModuleInit, OnApplicationShutdown {
  readonly workers: Worker[] = [];

  constructor(
    private readonly shards: QueueShards,
    private readonly moduleRef: ModuleRef,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    this.consume(QUEUE.events, this.host(EventsJobProcessor), EVENTS_WORKER_OPTIONS);
    this.consume(QUEUE.steps, this.host(StepsJobProcessor), STEPS_WORKER_OPTIONS);
    for (const channel of CHANNEL_NAMES) {
      const host = this.moduleRef.get<WorkerHost>(sendProcessorToken(channel), { strict: false });
      this.consume(QUEUE.send[channel], host, sendWorkerOptions(channel, this.config));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private host(type: Type<WorkerHost>): WorkerHost {
    return this.moduleRef.get(type, { strict: false });
  }

  private consume(name: string, host: WorkerHost, options: Options): void {
    for (const queue of this.shards.of(name).slice(1)) {
      const worker = new Worker(name, (job, token) => host.process(job, token), {
        ...options,
        connection: queue.opts.connection,
        prefix: queue.opts.prefix,
      });
      // As Nest's own workers: a lost connection is reported by /health, and BullMQ reconnects.
      worker.on('error', () => undefined);
      this.workers.push(worker);
    }
  }
}
