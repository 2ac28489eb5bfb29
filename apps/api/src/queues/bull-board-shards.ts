import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { InjectBullBoard, type BullBoardInstance } from '@bull-board/nestjs';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueueShards } from '@touchpoint/core';

/**
 * Bull Board lists the queues Nest registers (shard 0 of each); with QUEUE_SHARDS > 1 this adds the other
 * shards, each named after its prefix (`{touchpoint-1}:send-sms`).
 */
@Injectable()
export class BullBoardShards implements OnModuleInit {
  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly shards: QueueShards,
  ) {}

  onModuleInit(): void {
    for (const queue of this.shards.extra()) {
      this.board.addQueue(new BullMQAdapter(queue, { prefix: `${queue.opts.prefix}:` }));
    }
  }
}
