import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import { CONFIG, type Config } from '../config/config';
import { ALL_QUEUES } from './queue-contract';
import { QueueShards, queueShardsProvider } from './queue-shards';
import { QueueGateway } from './queue.gateway';
import { createRedisClient } from './redis-connection';

/** BullMQ's connection: options it connects with itself, or on a cluster one Cluster its queues share. */
const BULL_CONNECTION = Symbol('BULL_CONNECTION');

/** A shared Cluster outlives BullMQ's queues and workers (BullMQ never closes a connection it was given). */
@Injectable()
class BullConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(BULL_CONNECTION) private readonly connection: ConnectionOptions) {}
  async onApplicationShutdown(): Promise<void> {
    const cluster = this.connection;
    if (cluster instanceof Cluster) await cluster.quit().catch(() => cluster.disconnect());
  }
}

/**
 * Imported by BullMQ's root module, so Nest shuts it down after the queues and workers: the closer quits the
 * cluster connection once nothing uses it.
 */
@Module({
  providers: [
    {
      provide: BULL_CONNECTION,
      inject: [CONFIG],
      useFactory: (config: Config): ConnectionOptions =>
        config.REDIS_CLUSTER_NODES
          ? createRedisClient(config, { maxRetriesPerRequest: null })
          : { url: config.REDIS_URL, maxRetriesPerRequest: null },
    },
    BullConnectionCloser,
  ],
  exports: [BULL_CONNECTION],
})
class BullConnectionModule {}

/** Registers every queue for producers (api and worker alike) on one ioredis connection config. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [BullConnectionModule],
      inject: [CONFIG, BULL_CONNECTION],
      useFactory: (config: Config, connection: ConnectionOptions) => ({
        connection,
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [queueShardsProvider, QueueGateway],
  exports: [BullModule, QueueShards, QueueGateway],
})
export class QueueModule {}
