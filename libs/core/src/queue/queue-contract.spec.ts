import { describe, expect, it } from 'vitest';
import { jobId, shardOf, shardPrefixes } from './queue-contract';

describe('shardPrefixes', () => {
  it('should keep the prefix itself for one shard, so a deployment that never sharded keeps its jobs', () => {
    expect(shardPrefixes('{touchpoint}', 1)).toEqual(['{touchpoint}']);
  });

  it('should give each further shard a hash tag of its own', () => {
    expect(shardPrefixes('{touchpoint}', 3)).toEqual(['{touchpoint}', '{touchpoint-1}', '{touchpoint-2}']);
    expect(shardPrefixes('staging{tp}', 2)).toEqual(['staging{tp}', 'staging{tp-1}']);
    expect(shardPrefixes('plain', 2)).toEqual(['plain', 'plain-1']);
  });
});

describe('shardOf', () => {
  it('should put every job on shard 0 when there is one', () => {
    expect(shardOf(jobId.send('a'), 1)).toBe(0);
  });

  it('should pick the same shard for the same id every time, and use every shard', () => {
    const ids = Array.from({ length: 300 }, (_, i) => jobId.send(`touchpoint-${i}`));
    const first = ids.map((id) => shardOf(id, 3));
    expect(ids.map((id) => shardOf(id, 3))).toEqual(first);
    expect(new Set(first)).toEqual(new Set([0, 1, 2]));
    // Fixed forever: a changed hash would strand queued jobs on shards their ids no longer pick.
    expect(shardOf('send-00000000-0000-0000-0000-000000000000', 3)).toBe(1);
    expect(shardOf('send-00000000-0000-0000-0000-000000000000', 8)).toBe(2);
  });
});
