import { Inject, Injectable } from '@nestjs/common';
import type { Channel } from '@touchpoint/journeys';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { CONFIG, ratePerSecond, type Config } from '../config/config';
import type { RedisClient } from './redis-connection';
import { REDIS } from './redis.provider';

/** Whether `count` sends may go now, and if not, how long until the next second's allowance. */
export type SendAllowance = { granted: true } | { granted: false; retryInMs: number };

/**
 * A channel's messages per second (`SMS_RATE_PER_SECOND` and the like), counted in Redis so every worker
 * and both ways a message leaves share it: sent at once by the job that decided it, or by its send queue.
 * BullMQ's own limiter counts only the jobs of one queue shard, so it cannot be the whole count.
 */
@Injectable()
export class SendRate {
  private readonly limiters = new Map<Channel, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Takes `count` of this second's allowance, all or none (a refused take gives its points back). */
  async take(channel: Channel, count = 1): Promise<SendAllowance> {
    const limiter = this.limiter(channel);
    try {
      await limiter.consume(channel, count);
      return { granted: true };
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      await limiter.reward(channel, count);
      return { granted: false, retryInMs: Math.max(1, outcome.msBeforeNext) };
    }
  }

  private limiter(channel: Channel): RateLimiterRedis {
    let limiter = this.limiters.get(channel);
    if (!limiter) {
      // Under the queues' hash tag: on a cluster the count is one key on one master.
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.QUEUE_PREFIX}:send-rate`,
        points: ratePerSecond(this.config, channel),
        duration: 1,
      });
      this.limiters.set(channel, limiter);
    }
    return limiter;
  }
}
