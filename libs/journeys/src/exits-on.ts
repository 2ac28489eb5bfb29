import type { JourneyDefinition } from './journey-definition';

/** Whether an event of this name ends the journey's enrollments. */
export function exitsOn(journey: JourneyDefinition, eventName: string): boolean {
  return journey.exitOn.includes(eventName);
}
