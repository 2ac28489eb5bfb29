import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_STATUSES, type TouchpointStatus } from '../database/database.types';
import { isRepeatable, statusesBefore, type ProviderStatus } from './touchpoint-progress';

const moves = (from: TouchpointStatus, to: ProviderStatus) => statusesBefore(to).includes(from);

describe(statusesBefore.name, () => {
  it('should move forward along scheduled < sending < sent < delivered < opened < clicked', () => {
    expect(moves('sending', 'sent')).toBe(true);
    expect(moves('sent', 'delivered')).toBe(true);
    expect(moves('delivered', 'opened')).toBe(true);
    expect(moves('opened', 'clicked')).toBe(true);
    expect(moves('sent', 'clicked')).toBe(true);
  });

  it('should never let a late event overwrite a later status', () => {
    expect(moves('delivered', 'sent')).toBe(false);
    expect(moves('delivered', 'delivered')).toBe(false);
    expect(moves('clicked', 'opened')).toBe(false);
    expect(moves('delivered', 'bounced')).toBe(false);
    expect(moves('opened', 'failed')).toBe(false);
  });

  it('should let a webhook prove that an unknown or handed-back send went out', () => {
    expect(moves('unknown', 'delivered')).toBe(true);
    expect(moves('scheduled', 'sent')).toBe(true);
    expect(moves('unknown', 'bounced')).toBe(true);
  });

  it('should keep terminal and never-sent statuses where they are', () => {
    const frozen: TouchpointStatus[] = [
      'bounced',
      'failed',
      'unsubscribed',
      'suppressed',
      'cancelled',
      'answered',
    ];
    const targets: ProviderStatus[] = [
      'sent',
      'delivered',
      'opened',
      'clicked',
      'bounced',
      'failed',
      'unsubscribed',
    ];
    for (const from of frozen) {
      for (const to of targets) expect(moves(from, to), `${from} → ${to}`).toBe(false);
    }
  });

  it('should let an unsubscribe follow any status a sent message can be in', () => {
    for (const from of ['sent', 'delivered', 'opened', 'clicked'] as const) {
      expect(moves(from, 'unsubscribed')).toBe(true);
    }
  });

  it('should only name statuses that exist', () => {
    for (const to of ['sent', 'bounced', 'unsubscribed'] as const) {
      for (const s of statusesBefore(to)) expect(TOUCHPOINT_STATUSES).toContain(s);
    }
  });
});

describe(isRepeatable.name, () => {
  it('should treat opens and clicks as repeatable and deliveries as once-only', () => {
    expect(isRepeatable('opened')).toBe(true);
    expect(isRepeatable('clicked')).toBe(true);
    expect(isRepeatable('delivered')).toBe(false);
  });
});
