import { TouchpointRepository, type TouchpointStatus, type TouchpointUpdate } from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import type { TouchpointHarness } from './touchpoint-harness';

/** One message's life as the worker and the provider callbacks would have written it. */
export interface TouchpointStory {
  journeyId: string;
  stepId: string;
  stage: string;
  customerId: string;
  channel: 'sms' | 'email' | 'push';
  to: string;
  rendered: Record<string, unknown>;
  /** The statuses it went through after `scheduled`, in order. */
  trail: TouchpointStatus[];
  at: Date;
  provider?: string;
  providerMessageId?: string;
  error?: { code: string; message: string };
}

const STEP_MS = 1_000;

/**
 * Writes a touchpoint through the repository the worker uses: an enrollment, the scheduled row, the
 * rendered message, then each move of `trail` a second apart, with what a provider would have said.
 */
export async function tellTouchpoint(tp: TouchpointHarness, story: TouchpointStory): Promise<string> {
  const repo = tp.app.get(TouchpointRepository);
  const enrollmentId = randomUUID();
  await tp.db
    .insertInto('enrollments')
    .values({
      id: enrollmentId,
      journey_id: story.journeyId,
      journey_version: 1,
      customer_id: story.customerId,
      status: 'completed',
      enrolled_at: story.at,
    })
    .execute();
  const id = await repo.createScheduled(tp.db, {
    enrollmentId,
    stepId: story.stepId,
    customerId: story.customerId,
    journeyId: story.journeyId,
    journeyVersion: 1,
    stage: story.stage,
    channel: story.channel,
    scheduledFor: story.at,
    at: story.at,
  });
  await repo.markReady(tp.db, id, { to: story.to, rendered: story.rendered, at: story.at });
  let from: TouchpointStatus = 'scheduled';
  for (const [i, to] of story.trail.entries()) {
    const at = new Date(story.at.getTime() + (i + 1) * STEP_MS);
    const moved = await repo.transition(tp.db, id, { from, to, at, set: setFor(story, to, at) });
    if (!moved) throw new Error(`touchpoint ${id} could not move from ${from} to ${to}`);
    from = to;
  }
  return id;
}

function setFor(story: TouchpointStory, to: TouchpointStatus, at: Date): TouchpointUpdate {
  if (to === 'sending') return { provider: story.provider ?? 'sandbox' };
  if (to === 'sent') return { sent_at: at, provider_message_id: story.providerMessageId ?? randomUUID() };
  if (to === 'delivered') return { delivered_at: at };
  if (story.error && (to === 'failed' || to === 'bounced' || to === 'unknown')) {
    return { error: story.error.code, error_message: story.error.message };
  }
  return {};
}
