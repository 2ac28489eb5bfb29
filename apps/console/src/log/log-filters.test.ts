import { describe, expect, it } from 'vitest';
import { exportHref, filterQuery, filtersFromSearch, searchWithFilters } from './log-filters';

const JOURNEY = '0b7f2c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('the log filters in the address bar', () => {
  it('should read every filter the API takes from a link', () => {
    const search = new URLSearchParams({
      journeyId: JOURNEY,
      journeyVersion: '3',
      stepId: 'sms-1',
      customerId: 'c-42',
      channel: 'sms',
      status: 'failed',
      stage: 'decision',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(filtersFromSearch(search)).toEqual({
      journeyId: JOURNEY,
      journeyVersion: 3,
      stepId: 'sms-1',
      customerId: 'c-42',
      channel: 'sms',
      status: 'failed',
      stage: 'decision',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('should write the filters back so a copied link reads the same filters', () => {
    const filters = filtersFromSearch(
      new URLSearchParams({ journeyId: JOURNEY, stepId: 'sms-1', channel: 'email', status: 'bounced' }),
    );
    expect(filtersFromSearch(searchWithFilters(filters))).toEqual(filters);
  });

  it('should drop what the API would refuse, rather than send a request that fails', () => {
    const filters = filtersFromSearch(
      new URLSearchParams({
        journeyId: 'not-a-uuid',
        journeyVersion: '2',
        stepId: 'sms-1',
        channel: 'fax',
        status: 'lost',
        stage: 'nirvana',
        from: 'yesterday',
      }),
    );
    // Version and step name something inside one journey: without a journey they go too.
    expect(filters).toEqual({});
  });

  it('should normalise a time without an offset to an instant', () => {
    const filters = filtersFromSearch(new URLSearchParams({ from: '2026-11-01T10:00' }));
    expect(filters.from).toBe(new Date('2026-11-01T10:00').toISOString());
  });

  it("should keep the page's own parameters and remove a cleared filter", () => {
    const base = new URLSearchParams({ open: 'abc', channel: 'sms', status: 'failed' });
    const next = searchWithFilters({ channel: 'sms' }, base);
    expect(next.get('open')).toBe('abc');
    expect(next.has('status')).toBe(false);
    expect(filterQuery({ channel: 'sms' })).toEqual({ channel: 'sms' });
  });

  it('should export the same filters, with the BOM only for CSV', () => {
    expect(exportHref({ channel: 'sms', status: 'failed' }, 'csv', true)).toBe(
      '/v1/touchpoints/export?channel=sms&status=failed&format=csv&bom=true',
    );
    expect(exportHref({ channel: 'sms' }, 'ndjson', true)).toBe(
      '/v1/touchpoints/export?channel=sms&format=ndjson',
    );
  });
});
