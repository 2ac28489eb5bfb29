import { byChannel, CHANNELS } from '@touchpoint/journeys';
import { createHash } from 'node:crypto';

/** Queue names, shared by the producers (api, worker) and the consumers (worker). */
export const QUEUE = {
  events: 'events',
  steps: 'steps',
  /** One send queue per channel, named in the channel registry. */
  send: byChannel((channel) => CHANNELS[channel].queue),
} as const;

export const SEND_QUEUES = Object.values(QUEUE.send);
export const ALL_QUEUES = [QUEUE.events, QUEUE.steps, ...SEND_QUEUES];

/** One typed payload per job name. Payloads carry ids, never documents. */
export interface JobPayloads {
  'events.process': { eventIds: string[] };
  'step.due': { scheduledStepId: string };
  'touchpoint.send': { touchpointId: string };
}
export type JobName = keyof JobPayloads;

/** Job ids derive from what makes the job unique, so adding one twice is a no-op. (BullMQ forbids ':'.) */
export const jobId = {
  events: (eventIds: string[]) =>
    `events-${createHash('sha256').update(eventIds.join('\n')).digest('base64url').slice(0, 22)}`,
  step: (scheduledStepId: string, dueAt: Date) => `step-${scheduledStepId}-${dueAt.getTime()}`,
  send: (touchpointId: string) => `send-${touchpointId}`,
};

/**
 * The key prefix of each shard: shard 0 is `prefix` itself (a deployment that never sharded keeps its jobs),
 * shard i > 0 adds `-i` inside the hash tag (`{touchpoint}` → `{touchpoint-1}`), or after the prefix when it
 * has none. Each hash tag is one Redis Cluster slot, so shards can live on different masters.
 */
export function shardPrefixes(prefix: string, shards: number): string[] {
  return Array.from({ length: shards }, (_, i) => {
    if (i === 0) return prefix;
    const close = prefix.indexOf('}', prefix.indexOf('{'));
    return prefix.includes('{') && close > 0
      ? `${prefix.slice(0, close)}-${i}${prefix.slice(close)}`
      : `${prefix}-${i}`;
  });
}

/** The shard a job lives on, from its id alone (FNV-1a): the same id always lands on the same queue. */
export function shardOf(id: string, shards: number): number {
  if (shards === 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
