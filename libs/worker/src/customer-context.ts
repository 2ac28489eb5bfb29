import type { Customer, StoredEvent } from '@touchpoint/core';
import type { CustomerLike, EventLike } from '@touchpoint/journeys';

/** The plain shapes libs/journeys and the templates see: no table columns leak past here. */
export function toCustomerLike(c: Customer): CustomerLike {
  return {
    id: c.id,
    email: c.email,
    phone: c.phone,
    locale: c.locale,
    timezone: c.timezone,
    attributes: c.attributes,
    consent: c.consent,
  };
}

export function toEventLike(e: StoredEvent): EventLike {
  return { name: e.name, properties: e.properties, occurredAt: e.occurred_at };
}

/** What a template sees of the customer: contact details included, since the message goes to them. */
export function templateCustomer(c: Customer): Record<string, unknown> {
  const { consent: _consent, ...seen } = toCustomerLike(c);
  return seen;
}

export function templateEvent(e: StoredEvent | undefined): Record<string, unknown> | undefined {
  return e && { id: e.id, name: e.name, properties: e.properties, occurredAt: e.occurred_at.toISOString() };
}
