import type { CustomerLike } from './customer-like';
import { evaluateCondition } from './evaluate-condition';
import type { EventLike } from './event-like';
import type { Step } from './step';

/** Whether an event ends a wait_for_event step (then planOnEvent): its event name, and its `where` if any. */
export function matchesAwaitedEvent(step: Step, event: EventLike, customer: CustomerLike): boolean {
  return (
    step.type === 'wait_for_event' &&
    event.name === step.event &&
    (step.where === undefined || evaluateCondition(step.where, { customer, event }))
  );
}
