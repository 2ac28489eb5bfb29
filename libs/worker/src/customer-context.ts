import type { Customer, StoredEvent } from '@touchpoint/core';
import { scopeCustomer, scopeEvent, type CustomerLike, type EventLike } from '@touchpoint/journeys';

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

/** What a template sees of the customer (`scopeCustomer`, as the simulation's templates see it). */
export function templateCustomer(c: Customer): Record<string, unknown> {
  return scopeCustomer(toCustomerLike(c));
}

export function templateEvent(e: StoredEvent | undefined): Record<string, unknown> | undefined {
  return e && scopeEvent({ id: e.id, ...toEventLike(e) });
}
