import { describe, expect, it } from 'vitest';
import { deliveryBlocker } from './delivery-blocker';

describe(deliveryBlocker.name, () => {
  it('should need an explicit opt-in for marketing', () => {
    expect(deliveryBlocker('sms', {}, '+15551234567', false)).toBe('no_consent');
    expect(deliveryBlocker('sms', { sms: true }, '+15551234567', false)).toBeNull();
  });

  it('should let a transactional message through unless the channel was revoked', () => {
    expect(deliveryBlocker('email', {}, 'a@example.com', true)).toBeNull();
    expect(deliveryBlocker('email', { email: false }, 'a@example.com', true)).toBe('no_consent');
  });

  it('should need an address once consent is there', () => {
    expect(deliveryBlocker('push', { push: true }, undefined, false)).toBe('no_address');
    expect(deliveryBlocker('push', { push: true }, '', true)).toBe('no_address');
  });
});
