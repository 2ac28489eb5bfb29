import { describe, expect, it } from 'vitest';
import { capWindowStart, frequencyCapsSchema, isCapped, type FrequencyCap } from './frequency-cap';
import type { JourneyChannel } from './journey-channel';

const sent = (channel: JourneyChannel, iso: string) => ({ channel, at: new Date(iso) });

describe(capWindowStart.name, () => {
  const at = new Date('2026-11-22T21:00:00Z'); // a Sunday; already Monday 00:30 in Tehran

  it("should start a day at local midnight in the customer's timezone", () => {
    expect(capWindowStart({ channel: 'sms', max: 1, per: 'day' }, at, 'UTC').toISOString()).toBe(
      '2026-11-22T00:00:00.000Z',
    );
    expect(capWindowStart({ channel: 'sms', max: 1, per: 'day' }, at, 'Asia/Tehran').toISOString()).toBe(
      '2026-11-22T20:30:00.000Z',
    );
  });

  it('should start a week on Monday at local midnight', () => {
    expect(capWindowStart({ channel: 'sms', max: 1, per: 'week' }, at, 'UTC').toISOString()).toBe(
      '2026-11-16T00:00:00.000Z',
    );
    expect(capWindowStart({ channel: 'sms', max: 1, per: 'week' }, at, 'Asia/Tehran').toISOString()).toBe(
      '2026-11-22T20:30:00.000Z',
    );
  });

  it('should start a rolling window one duration before', () => {
    expect(capWindowStart({ channel: 'any', max: 1, per: 'PT6H' }, at, 'UTC').toISOString()).toBe(
      '2026-11-22T15:00:00.000Z',
    );
  });

  it('should start a local day after the New York DST change at EST midnight', () => {
    const start = capWindowStart(
      { channel: 'any', max: 1, per: 'day' },
      new Date('2026-11-01T20:00:00Z'),
      'America/New_York',
    );

    expect(start.toISOString()).toBe('2026-11-01T04:00:00.000Z'); // midnight EDT, the clocks go back at 02:00
  });
});

describe(isCapped.name, () => {
  const smsPerDay: FrequencyCap = { channel: 'sms', max: 1, per: 'day' };
  const threePerDay: FrequencyCap = { channel: 'any', max: 3, per: 'day' };

  it('should cap at the day boundary in the customer timezone', () => {
    // 20:00Z is 23:30 in Tehran: the 10:00Z SMS is the same Tehran day.
    const history = [sent('sms', '2026-11-22T10:00:00Z')];

    expect(
      isCapped({
        caps: [smsPerDay],
        channel: 'sms',
        at: new Date('2026-11-22T20:00:00Z'),
        timezone: 'Asia/Tehran',
        sent: history,
      }),
    ).toBe(smsPerDay);
    // 20:30Z is 00:00 the next day in Tehran: a new day, not capped, although it is still the same UTC day.
    expect(
      isCapped({
        caps: [smsPerDay],
        channel: 'sms',
        at: new Date('2026-11-22T20:30:00Z'),
        timezone: 'Asia/Tehran',
        sent: history,
      }),
    ).toBeNull();
    expect(
      isCapped({
        caps: [smsPerDay],
        channel: 'sms',
        at: new Date('2026-11-22T20:30:00Z'),
        timezone: 'UTC',
        sent: history,
      }),
    ).toBe(smsPerDay);
  });

  it('should count a send at the very start of the day', () => {
    const history = [sent('sms', '2026-11-22T00:00:00Z')];

    expect(
      isCapped({
        caps: [smsPerDay],
        channel: 'sms',
        at: new Date('2026-11-22T23:59:59Z'),
        timezone: 'UTC',
        sent: history,
      }),
    ).toBe(smsPerDay);
  });

  it('should count only the capped channel, and every channel for any', () => {
    const history = [
      sent('email', '2026-11-22T08:00:00Z'),
      sent('push', '2026-11-22T09:00:00Z'),
      sent('sms', '2026-11-22T10:00:00Z'),
    ];
    const at = new Date('2026-11-22T12:00:00Z');

    expect(isCapped({ caps: [smsPerDay], channel: 'email', at, timezone: 'UTC', sent: history })).toBeNull();
    expect(
      isCapped({ caps: [smsPerDay, threePerDay], channel: 'email', at, timezone: 'UTC', sent: history }),
    ).toBe(threePerDay);
    expect(
      isCapped({ caps: [smsPerDay, threePerDay], channel: 'sms', at, timezone: 'UTC', sent: history }),
    ).toBe(smsPerDay);
    expect(
      isCapped({ caps: [threePerDay], channel: 'push', at, timezone: 'UTC', sent: history.slice(1) }),
    ).toBeNull();
  });

  it('should let a rolling window slide', () => {
    const cap: FrequencyCap = { channel: 'any', max: 1, per: 'PT6H' };
    const history = [sent('sms', '2026-11-22T06:00:00Z')];

    expect(
      isCapped({
        caps: [cap],
        channel: 'sms',
        at: new Date('2026-11-22T11:59:59Z'),
        timezone: 'UTC',
        sent: history,
      }),
    ).toBe(cap);
    expect(
      isCapped({
        caps: [cap],
        channel: 'sms',
        at: new Date('2026-11-22T12:00:00Z'),
        timezone: 'UTC',
        sent: history,
      }),
    ).toBeNull();
  });

  it('should ignore sends after the moment', () => {
    expect(
      isCapped({
        caps: [smsPerDay],
        channel: 'sms',
        at: new Date('2026-11-22T10:00:00Z'),
        timezone: 'UTC',
        sent: [sent('sms', '2026-11-22T11:00:00Z')],
      }),
    ).toBeNull();
  });

  it('should cap nothing without caps', () => {
    expect(
      isCapped({
        caps: [],
        channel: 'sms',
        at: new Date('2026-11-22T10:00:00Z'),
        timezone: 'UTC',
        sent: [sent('sms', '2026-11-22T09:00:00Z')],
      }),
    ).toBeNull();
  });
});

describe('frequencyCapsSchema', () => {
  it('should accept the caps the README shows and a rolling duration', () => {
    const body = {
      caps: [
        { channel: 'any', max: 3, per: 'day' },
        { channel: 'sms', max: 1, per: 'day' },
        { channel: 'push', max: 2, per: 'PT6H' },
      ],
    };

    expect(frequencyCapsSchema.parse(body)).toEqual(body);
  });

  it.each([
    { channel: 'fax', max: 1, per: 'day' },
    { channel: 'sms', max: -1, per: 'day' },
    { channel: 'sms', max: 1.5, per: 'day' },
    { channel: 'sms', max: 1, per: 'month' },
    { channel: 'sms', max: 1, per: 'PT0S' },
  ])('should refuse %o', (cap) => {
    expect(frequencyCapsSchema.safeParse({ caps: [cap] }).success).toBe(false);
  });
});
