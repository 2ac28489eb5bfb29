import { describe, expect, it } from 'vitest';
import type { ConditionScope } from './evaluate-condition';
import { customerOf } from './journey.fixture';
import type { WaitStep } from './step';
import { waitEnd } from './wait-until';

const sunday = new Date('2026-11-22T09:30:00Z'); // 13:00 in Tehran, 04:30 in New York

function sut(
  until: WaitStep['until'],
  at: Date,
  zone = 'UTC',
  scope: ConditionScope = { customer: customerOf() },
) {
  return waitEnd({ id: 'w', type: 'wait', until }, at, scope, zone);
}

describe(waitEnd.name, () => {
  it('should add a duration in the zone', () => {
    const end = waitEnd(
      { id: 'w', type: 'wait', duration: 'P1D' },
      new Date('2026-10-31T14:00:00Z'),
      { customer: customerOf() },
      'America/New_York',
    );

    expect(end).toEqual({ at: new Date('2026-11-01T15:00:00Z'), detail: 'P1D' });
  });

  describe('until a time', () => {
    it('should wait for the next local time, tomorrow when it has passed today', () => {
      expect(sut({ time: '10:00' }, sunday, 'Asia/Tehran').at.toISOString()).toBe('2026-11-23T06:30:00.000Z');
      expect(sut({ time: '14:00' }, sunday, 'Asia/Tehran').at.toISOString()).toBe('2026-11-22T10:30:00.000Z');
    });

    it('should wait strictly after now', () => {
      expect(sut({ time: '09:30' }, sunday).at.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    });

    it('should wait for an allowed weekday', () => {
      expect(sut({ time: '10:00', days: ['mon'] }, sunday).at.toISOString()).toBe('2026-11-23T10:00:00.000Z');
      expect(sut({ time: '10:00', days: ['sun'] }, sunday).at.toISOString()).toBe('2026-11-22T10:00:00.000Z');
      expect(sut({ time: '09:00', days: ['sun'] }, sunday).at.toISOString()).toBe('2026-11-29T09:00:00.000Z');
      expect(sut({ time: '09:00', days: ['fri', 'sat'] }, sunday).at.toISOString()).toBe(
        '2026-11-27T09:00:00.000Z',
      );
    });

    it('should reach local 10:00 across the New York DST change', () => {
      // Saturday 12:00 EDT; the next 10:00 is Sunday 10:00 EST.
      expect(
        sut({ time: '10:00' }, new Date('2026-10-31T16:00:00Z'), 'America/New_York').at.toISOString(),
      ).toBe('2026-11-01T15:00:00.000Z');
    });
  });

  describe('until a date', () => {
    const scope = (
      attributes: Record<string, unknown>,
      properties: Record<string, unknown> = {},
    ): ConditionScope => ({
      customer: customerOf({ attributes }),
      event: { name: 'booked', properties },
    });

    it('should wait until a date from the event plus the offset', () => {
      const end = sut(
        { date: 'event.properties.departsAt', offset: '-P1D' },
        sunday,
        'UTC',
        scope({}, { departsAt: '2026-12-01T08:00:00Z' }),
      );

      expect(end.at.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    });

    it('should set the local time on the offset day', () => {
      const end = sut(
        { date: 'customer.attributes.renewsOn', offset: '-P3D', time: '10:00' },
        sunday,
        'Asia/Tehran',
        scope({ renewsOn: '2026-12-24' }),
      );

      expect(end.at.toISOString()).toBe('2026-12-21T06:30:00.000Z');
    });

    it('should take a literal date', () => {
      expect(sut({ date: '2026-12-24', time: '18:00' }, sunday).at.toISOString()).toBe(
        '2026-12-24T18:00:00.000Z',
      );
    });

    it('should proceed at once when the date has passed or is missing', () => {
      const past = sut(
        { date: 'customer.attributes.birthday', offset: '-P3D', time: '10:00' },
        sunday,
        'UTC',
        scope({ birthday: '1990-05-14' }),
      );
      const missing = sut({ date: 'customer.attributes.birthday' }, sunday, 'UTC', scope({}));

      expect(past.at).toEqual(sunday);
      expect(past.detail).toContain('passed');
      expect(missing.at).toEqual(sunday);
      expect(missing.detail).toContain('no date');
    });

    it('should take the next yearly occurrence of a month-day', () => {
      const nextYear = sut(
        { date: 'customer.attributes.birthday', offset: '-P3D', time: '10:00' },
        sunday,
        'UTC',
        scope({ birthday: '05-14' }),
      );
      const thisYear = sut(
        { date: 'customer.attributes.birthday', offset: '-P3D', time: '10:00' },
        sunday,
        'UTC',
        scope({ birthday: '--11-25' }),
      );

      expect(nextYear.at.toISOString()).toBe('2027-05-11T10:00:00.000Z');
      expect(thisYear.at.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    });

    it('should keep 29 February on the 28th in other years', () => {
      const end = sut(
        { date: 'customer.attributes.birthday', time: '10:00' },
        sunday,
        'UTC',
        scope({ birthday: '02-29' }),
      );

      expect(end.at.toISOString()).toBe('2027-02-28T10:00:00.000Z');
    });

    it('should accept a Date value', () => {
      const end = sut(
        { date: 'customer.attributes.trialEndsAt' },
        sunday,
        'UTC',
        scope({ trialEndsAt: new Date('2026-12-01T00:00:00Z') }),
      );

      expect(end.at.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    });
  });
});
