import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CONFIG, createRedisClient, type Config, type RedisClient } from '@touchpoint/core';
import type { Response } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { ProblemException } from './problem';

export type RouteClass = 'ingest' | 'writes' | 'reads';

const WINDOW_SECONDS = 60;

/** Ingest is what pipelines post in bulk; every other change is a write; the rest reads. */
export function routeClassOf(method: string, path: string): RouteClass {
  if (
    (method === 'POST' && path === '/v1/events') ||
    (method === 'PUT' && path.startsWith('/v1/customers/'))
  ) {
    return 'ingest';
  }
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

/**
 * A rate limit per API key (or console session) and route class, counted in Redis so every API process
 * shares it. Runs after the ApiKeyGuard (public routes have no caller and are not counted). If Redis does
 * not answer, the request goes through: the limiter must never be why ingest stops.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly redis: RedisClient;
  private readonly limiters: Record<RouteClass, RateLimiterRedis>;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    // No offline queue and no retries: while Redis is away a count fails at once instead of waiting.
    this.redis = createRedisClient(config, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
    // One key per caller and class (under the prefix's hash tag): a count never spans two cluster slots.
    const limiter = (points: number, name: RouteClass) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.QUEUE_PREFIX}:ratelimit:${name}`,
        points,
        duration: WINDOW_SECONDS,
      });
    this.limiters = {
      ingest: limiter(config.RATE_LIMIT_INGEST_PER_MINUTE, 'ingest'),
      writes: limiter(config.RATE_LIMIT_WRITES_PER_MINUTE, 'writes'),
      reads: limiter(config.RATE_LIMIT_READS_PER_MINUTE, 'reads'),
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.caller) return true;
    const routeClass = routeClassOf(req.method, req.path);
    const limiter = this.limiters[routeClass];
    const who = req.consoleSession ? `session:${req.consoleSession.id}` : `key:${req.caller.keyId}`;
    const policy = `"${routeClass}";q=${limiter.points};w=${WINDOW_SECONDS}`;
    try {
      const used = await limiter.consume(who);
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader('RateLimit', rateLimitHeader(routeClass, used));
      return true;
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return true;
      const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader('RateLimit', rateLimitHeader(routeClass, outcome));
      res.setHeader('Retry-After', String(retryAfter));
      throw new ProblemException(
        429,
        'rate-limited',
        `Over ${limiter.points} ${routeClass} requests a minute for this key; try again in ${retryAfter} s.`,
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}

/** The IETF RateLimit header (draft-ietf-httpapi-ratelimit-headers): what is left, and when it resets. */
function rateLimitHeader(routeClass: RouteClass, state: RateLimiterRes): string {
  return `"${routeClass}";r=${state.remainingPoints};t=${Math.ceil(state.msBeforeNext / 1000)}`;
}
