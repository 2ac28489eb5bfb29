import type { CustomerLike } from './customer-like';
import type { EventLike } from './event-like';
import type { JourneyDefinition } from './journey-definition';

/** What a template sees of the customer: contact details included, since the message goes to them. */
export function scopeCustomer(customer: CustomerLike): Record<string, unknown> {
  const { consent: _consent, ...seen } = customer;
  return seen;
}

/** What a template sees of the triggering event (a simulated one has no id). */
export function scopeEvent(
  event: (EventLike & { id?: string }) | undefined,
): Record<string, unknown> | undefined {
  return (
    event && {
      id: event.id,
      name: event.name,
      properties: event.properties,
      occurredAt: event.occurredAt?.toISOString(),
    }
  );
}

/** The links a message's template may use: the unsubscribe link always, the survey's when the journey has one. */
export function scopeLinks(
  journey: Pick<JourneyDefinition, 'survey'>,
  urls: { unsubscribe: string; survey: string },
): { unsubscribe: { url: string }; survey?: { url: string } } {
  return {
    unsubscribe: { url: urls.unsubscribe },
    ...(journey.survey && { survey: { url: urls.survey } }),
  };
}
