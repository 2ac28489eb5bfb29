import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { CHANNEL_NAMES } from '@touchpoint/journeys';
import type { Queue } from 'bullmq';
import { ALL_QUEUES, QUEUE, SEND_QUEUES_BY_CHANNEL } from './queue-contract';
import { QueueGateway } from './queue.gateway';

/** Registers every queue for producers (api and worker alike) on one ioredis connection config. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: Config) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [
    {
      provide: SEND_QUEUES_BY_CHANNEL,
      inject: CHANNEL_NAMES.map((channel) => getQueueToken(QUEUE.send[channel])),
      useFactory: (...queues: Queue[]) =>
        Object.fromEntries(CHANNEL_NAMES.map((channel, i) => [channel, queues[i]])),
    },
    QueueGateway,
  ],
  exports: [BullModule, QueueGateway],
})
export class QueueModule {}
