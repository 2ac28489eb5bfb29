import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { CONFIG, type Config } from '../config/config';
import type { RedisClient } from './redis-connection';
import { REDIS } from './redis.provider';

/** What a send may do now with its provider: go, go as the one probe of an open circuit, or wait. */
export type CircuitGate =
  { kind: 'closed'; failures: number } | { kind: 'probe' } | { kind: 'wait'; ms: number };

export interface OpenCircuit {
  provider: string;
  openedAt: Date;
  /** When the next probe may go. */
  probeAt: Date;
  failures: number;
}

// One hash per provider: failures (consecutive transient ones), and once open: openedAt, interval, probeAt,
// probing (when the probe in flight started). Scripts keep each decision atomic across workers.
const ADMIT = `
local openedAt = redis.call('HGET', KEYS[1], 'openedAt')
if not openedAt then return {0, tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')} end
local now = tonumber(ARGV[1])
local probeAt = tonumber(redis.call('HGET', KEYS[1], 'probeAt'))
if now >= probeAt then
  local probing = tonumber(redis.call('HGET', KEYS[1], 'probing') or '0')
  if probing == 0 or now - probing > tonumber(ARGV[2]) then
    redis.call('HSET', KEYS[1], 'probing', ARGV[1])
    return {1, 0}
  end
  return {2, tonumber(ARGV[3])}
end
return {2, probeAt - now}
`;

const FAIL = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local now = tonumber(ARGV[1])
local openedAt = redis.call('HGET', KEYS[1], 'openedAt')
if not openedAt then
  if failures < tonumber(ARGV[2]) then return {0, 0} end
  redis.call('HSET', KEYS[1], 'openedAt', ARGV[1], 'interval', ARGV[3], 'probeAt', now + tonumber(ARGV[3]))
  redis.call('SADD', KEYS[2], ARGV[5])
  return {1, tonumber(ARGV[3])}
end
if ARGV[6] == '1' then
  local interval = math.min(tonumber(redis.call('HGET', KEYS[1], 'interval')) * 2, tonumber(ARGV[4]))
  redis.call('HSET', KEYS[1], 'interval', interval, 'probeAt', now + interval, 'probing', 0)
  return {1, interval}
end
return {1, math.max(tonumber(redis.call('HGET', KEYS[1], 'probeAt')) - now, 0)}
`;

/**
 * A circuit per provider, kept in Redis so every worker sees the same one. Consecutive transient failures
 * (CIRCUIT_FAILURE_THRESHOLD of them) open it: sends to that provider wait instead of spending attempts,
 * one probe goes at growing intervals (CIRCUIT_PROBE_MS, doubling up to CIRCUIT_MAX_PROBE_MS), and the
 * first answer from the provider closes it.
 */
@Injectable()
export class ProviderCircuits {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  /** Asked before each send: one round trip, whatever the circuit's state. */
  async admit(provider: string): Promise<CircuitGate> {
    const [kind, value] = (await this.redis.eval(
      ADMIT,
      1,
      this.key(provider),
      this.clock.now().getTime(),
      this.config.SENDING_TIMEOUT_MS,
      Math.min(1_000, this.config.CIRCUIT_PROBE_MS),
    )) as [number, number];
    if (kind === 0) return { kind: 'closed', failures: value };
    if (kind === 1) return { kind: 'probe' };
    return { kind: 'wait', ms: Math.max(value, 100) };
  }

  /**
   * A transient failure (the provider did not take the message). Answers whether the circuit is open now,
   * and how long until the next probe: a failed probe doubles the interval.
   */
  async failed(provider: string, probe: boolean): Promise<{ open: boolean; retryInMs: number }> {
    const [open, retryInMs] = (await this.redis.eval(
      FAIL,
      2,
      this.key(provider),
      this.indexKey(),
      this.clock.now().getTime(),
      this.config.CIRCUIT_FAILURE_THRESHOLD,
      this.config.CIRCUIT_PROBE_MS,
      this.config.CIRCUIT_MAX_PROBE_MS,
      provider,
      probe ? '1' : '0',
    )) as [number, number];
    return { open: open === 1, retryInMs: Math.max(retryInMs, 100) };
  }

  /** The provider answered (taken, or refused for good): its circuit closes and the count starts over. */
  async answered(provider: string): Promise<void> {
    await this.redis.multi().del(this.key(provider)).srem(this.indexKey(), provider).exec();
  }

  /** The probe never reached the provider (its touchpoint had moved on): the next send probes instead. */
  async releaseProbe(provider: string): Promise<void> {
    await this.redis.hset(this.key(provider), 'probing', 0);
  }

  /** The circuits open now, for /health and /metrics. */
  async open(): Promise<OpenCircuit[]> {
    const providers = await this.redis.smembers(this.indexKey());
    const circuits = await Promise.all(
      providers.map(async (provider) => {
        const h = await this.redis.hgetall(this.key(provider));
        if (!h.openedAt) return undefined;
        return {
          provider,
          openedAt: new Date(Number(h.openedAt)),
          probeAt: new Date(Number(h.probeAt)),
          failures: Number(h.failures),
        };
      }),
    );
    return circuits.filter((c): c is OpenCircuit => c !== undefined);
  }

  private key(provider: string): string {
    return `${this.config.QUEUE_PREFIX}:touchpoint:circuit:${provider}`;
  }

  private indexKey(): string {
    return `${this.config.QUEUE_PREFIX}:touchpoint:circuits`;
  }
}
