import { describe, expect, it } from 'vitest';
import { messageExpiry } from './message-expiry';

const due = new Date('2026-12-02T10:00:00Z');

describe('messageExpiry', () => {
  it('should count the step’s expiresAfter from when the step was due', () => {
    expect(messageExpiry({ expiresAfter: 'P1D' }, { expiresAfter: 'PT10M' }, due)).toEqual(
      new Date('2026-12-02T10:10:00Z'),
    );
  });

  it('should fall back on the journey’s, and on none at all', () => {
    expect(messageExpiry({ expiresAfter: 'P1D' }, {}, due)).toEqual(new Date('2026-12-03T10:00:00Z'));
    expect(messageExpiry({}, {}, due)).toBeUndefined();
  });
});
