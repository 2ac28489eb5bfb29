import { describe, expect, it } from 'vitest';
import { customerOf } from './journey.fixture';
import { matchesAwaitedEvent } from './matches-awaited-event';
import type { Step } from './step';

describe(matchesAwaitedEvent.name, () => {
  const customer = customerOf();
  const awaiting: Step = {
    id: 'bought',
    type: 'wait_for_event',
    event: 'order_completed',
    where: { path: 'event.properties.total', op: 'gte', value: 20 },
    timeout: 'P2D',
    onEvent: 'thanks',
    onTimeout: 'reminder',
  };

  it('should match the awaited event when its where holds', () => {
    expect(
      matchesAwaitedEvent(awaiting, { name: 'order_completed', properties: { total: 25 } }, customer),
    ).toBe(true);
    expect(
      matchesAwaitedEvent(awaiting, { name: 'order_completed', properties: { total: 5 } }, customer),
    ).toBe(false);
    expect(
      matchesAwaitedEvent(awaiting, { name: 'cart_abandoned', properties: { total: 25 } }, customer),
    ).toBe(false);
  });

  it('should match nothing for a step that does not wait for an event', () => {
    const send: Step = { id: 's', type: 'send', channel: 'sms', template: { body: 'Hi' } };

    expect(matchesAwaitedEvent(send, { name: 'order_completed', properties: {} }, customer)).toBe(false);
  });
});
