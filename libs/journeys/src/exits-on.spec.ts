import { describe, expect, it } from 'vitest';
import { exitsOn } from './exits-on';
import { cartAbandonment } from './journey.fixture';
import { journeyDefinitionSchema } from './journey-definition';

describe(exitsOn.name, () => {
  it('should exit on the events listed in exitOn only', () => {
    const journey = journeyDefinitionSchema.parse(cartAbandonment);

    expect(exitsOn(journey, 'order_completed')).toBe(true);
    expect(exitsOn(journey, 'cart_abandoned')).toBe(false);
  });

  it('should exit on nothing by default', () => {
    const { exitOn: _exitOn, ...withoutExits } = cartAbandonment;

    expect(exitsOn(journeyDefinitionSchema.parse(withoutExits), 'order_completed')).toBe(false);
  });
});
