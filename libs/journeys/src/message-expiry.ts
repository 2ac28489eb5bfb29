import { addDuration } from './duration';
import type { JourneyDefinition } from './journey-definition';
import type { SendStep } from './step';

/**
 * Until when a send step's message is worth sending: its step's `expiresAfter`, else the journey's, counted
 * from when the step was due. Undefined: it waits as long as it takes.
 */
export function messageExpiry(
  journey: Pick<JourneyDefinition, 'expiresAfter'>,
  step: Pick<SendStep, 'expiresAfter'>,
  dueAt: Date,
): Date | undefined {
  const after = step.expiresAfter ?? journey.expiresAfter;
  return after ? addDuration(dueAt, after, null) : undefined;
}
