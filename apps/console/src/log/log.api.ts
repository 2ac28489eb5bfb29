import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { typed, unwrap } from '../api/http';
import { filterQuery, type LogFilters, type Touchpoint, type TouchpointRow } from './log-filters';

/** Rows per request: a few screens, so scrolling rarely waits. */
export const PAGE_SIZE = 100;

/**
 * The log under the filters, page after page. Each page asks for the rows after the last one seen (the
 * API's keyset cursor), so rows arriving meanwhile neither shift a page nor show twice.
 */
export function useTouchpointLog(filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: ['touchpoints', 'log', filterQuery(filters)],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        typed.GET('/v1/touchpoints', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function flattenPages(pages: { items: TouchpointRow[] }[] | undefined): TouchpointRow[] {
  return pages?.flatMap((page) => page.items) ?? [];
}

export function useTouchpoint(id: string | null) {
  return useQuery({
    queryKey: ['touchpoints', 'one', id],
    queryFn: ({ signal }): Promise<Touchpoint> =>
      unwrap(typed.GET('/v1/touchpoints/{id}', { params: { path: { id: id as string } }, signal })),
    enabled: id !== null,
  });
}

/** The journeys, for the journey filter and for naming a row's journey. */
export function useJourneyNames() {
  return useQuery({
    queryKey: ['journeys', 'names'],
    queryFn: async ({ signal }) => {
      const list = await unwrap(typed.GET('/v1/journeys', { params: { query: { limit: 500 } }, signal }));
      return new Map(list.items.map((journey) => [journey.id, journey.name]));
    },
    staleTime: 60_000,
  });
}
