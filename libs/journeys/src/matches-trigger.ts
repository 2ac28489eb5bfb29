import type { CustomerLike } from './customer-like';
import { evaluateCondition } from './evaluate-condition';
import type { EventLike } from './event-like';
import type { JourneyDefinition } from './journey-definition';

/** Whether this event enrolls the customer: the trigger's event name, and its `where` if any. */
export function matchesTrigger(
  journey: JourneyDefinition,
  event: EventLike,
  customer: CustomerLike,
): boolean {
  const { trigger } = journey;
  return (
    event.name === trigger.event &&
    (trigger.where === undefined || evaluateCondition(trigger.where, { customer, event }))
  );
}
