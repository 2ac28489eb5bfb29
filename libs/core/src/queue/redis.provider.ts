import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { createRedisClient, type RedisClient } from './redis-connection';

/** One plain ioredis connection for what is not a queue: health pings and the reconciler's sentinel. */
export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [CONFIG],
  useFactory: (config: Config) => {
    const redis = createRedisClient(config, { maxRetriesPerRequest: 1, lazyConnect: false });
    // While Redis is down each reconnect attempt errors: /health reports it, not one stack trace per retry.
    redis.on('error', () => undefined);
    return redis;
  },
};

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
