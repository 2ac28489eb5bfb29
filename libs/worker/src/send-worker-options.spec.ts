import { loadConfig } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { sendWorkerOptions } from './processors';

describe('sendWorkerOptions', () => {
  it("should give one shard the provider's whole rate limit", () => {
    const config = loadConfig({ SMS_RATE_PER_SECOND: '10' });
    expect(sendWorkerOptions('sms', config).limiter).toEqual({ max: 10, duration: 1_000 });
  });

  it('should split the rate limit evenly between the shards, never above it in total', () => {
    const config = loadConfig({ SMS_RATE_PER_SECOND: '10', QUEUE_SHARDS: '3' });
    expect(sendWorkerOptions('sms', config).limiter).toEqual({ max: 3, duration: 1_000 });
  });

  it('should still let each shard send one a second when there are more shards than the limit', () => {
    const config = loadConfig({ SMS_RATE_PER_SECOND: '1', QUEUE_SHARDS: '3' });
    expect(sendWorkerOptions('sms', config).limiter).toEqual({ max: 1, duration: 1_000 });
  });
});
