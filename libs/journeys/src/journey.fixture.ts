import type { CustomerLike } from './customer-like';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
  type JourneyDefinitionInput,
} from './journey-definition';
import type { PlanContext } from './plan';

/** The cart-abandonment journey of the README. */
export const cartAbandonment = {
  name: 'Cart abandonment SMS',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  exitOn: ['order_completed'],
  steps: [
    { id: 'wait', type: 'wait', duration: 'P3D' },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: {
        body: "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}",
      },
    },
  ],
} satisfies JourneyDefinitionInput;

/** The cart-abandonment journey with other steps, parsed (defaults applied); throws when it is not valid. */
export function journeyOf(
  steps: JourneyDefinitionInput['steps'],
  extra: Partial<JourneyDefinitionInput> = {},
): JourneyDefinition {
  return journeyDefinitionSchema.parse({ ...cartAbandonment, ...extra, steps });
}

export function customerOf(extra: Partial<CustomerLike> = {}): CustomerLike {
  return {
    id: 'c-42',
    timezone: 'UTC',
    locale: 'en',
    attributes: {},
    consent: { sms: true, email: true, push: true },
    ...extra,
  };
}

export function contextOf(
  customer: CustomerLike = customerOf(),
  extra: Partial<PlanContext> = {},
): PlanContext {
  return { customer, enrollmentId: 'enr-1', journeyId: 'jrn-1', ...extra };
}
