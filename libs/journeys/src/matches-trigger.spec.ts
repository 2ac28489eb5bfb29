import { describe, expect, it } from 'vitest';
import { cartAbandonment, customerOf } from './journey.fixture';
import { journeyDefinitionSchema } from './journey-definition';
import { matchesTrigger } from './matches-trigger';

describe(matchesTrigger.name, () => {
  const customer = customerOf();

  it('should match an event of the trigger name', () => {
    const journey = journeyDefinitionSchema.parse(cartAbandonment);

    expect(matchesTrigger(journey, { name: 'cart_abandoned', properties: {} }, customer)).toBe(true);
    expect(matchesTrigger(journey, { name: 'cart_viewed', properties: {} }, customer)).toBe(false);
  });

  it('should narrow the match by trigger.where', () => {
    const journey = journeyDefinitionSchema.parse({
      ...cartAbandonment,
      trigger: {
        event: 'cart_abandoned',
        where: { path: 'event.properties.cartValue', op: 'gte', value: 50 },
      },
    });

    expect(
      matchesTrigger(journey, { name: 'cart_abandoned', properties: { cartValue: 129.5 } }, customer),
    ).toBe(true);
    expect(matchesTrigger(journey, { name: 'cart_abandoned', properties: { cartValue: 10 } }, customer)).toBe(
      false,
    );
  });
});
