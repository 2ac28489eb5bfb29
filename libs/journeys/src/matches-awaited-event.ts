import type { CustomerLike } from './customer-like';
import { evaluateCondition } from './evaluate-condition';
import type { EventLike } from './event-like';
import type { Step, WaitForEventStep } from './step';

/** The event names a wait_for_event step waits for: its `event`, or its `events`. */
export function awaitedEvents(step: Pick<WaitForEventStep, 'event' | 'events'>): string[] {
  return step.events ?? (step.event !== undefined ? [step.event] : []);
}

/** Whether an event ends a wait_for_event step (then planOnEvent): one of its event names, and its `where` if any. */
export function matchesAwaitedEvent(step: Step, event: EventLike, customer: CustomerLike): boolean {
  return (
    step.type === 'wait_for_event' &&
    awaitedEvents(step).includes(event.name) &&
    (step.where === undefined || evaluateCondition(step.where, { customer, event }))
  );
}
