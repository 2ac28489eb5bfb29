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
/** The injection token of every channel's send queue, by channel (QueueModule provides it). */
export const SEND_QUEUES_BY_CHANNEL = Symbol('SEND_QUEUES_BY_CHANNEL');
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
