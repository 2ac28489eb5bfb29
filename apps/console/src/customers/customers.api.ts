import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../api/client';
import { typed, unwrap } from '../api/http';

export type Customer = components['schemas']['Customer'];
export type JourneyMap = components['schemas']['JourneyMap'];
export type MapStage = JourneyMap['stages'][number];
export type MapItem = MapStage['items'][number];
export type MapTouchpoint = Extract<MapItem, { type: 'touchpoint' }>;
export type MapEvent = Extract<MapItem, { type: 'event' }>;

/** Customers whose id, email or phone starts with `search`. */
export function useCustomerSearch(search: string) {
  return useQuery({
    queryKey: ['customers', 'search', search],
    queryFn: ({ signal }) =>
      unwrap(typed.GET('/v1/customers', { params: { query: { search, limit: 20 } }, signal })),
    enabled: search.length > 0,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: ({ signal }) =>
      unwrap(typed.GET('/v1/customers/{customerId}', { params: { path: { customerId: id } }, signal })),
    retry: false,
  });
}

export function useJourneyMap(id: string) {
  return useQuery({
    queryKey: ['customers', 'map', id],
    queryFn: ({ signal }) =>
      unwrap(
        typed.GET('/v1/customers/{customerId}/journey-map', { params: { path: { customerId: id } }, signal }),
      ),
    retry: false,
  });
}

/** The right to erasure: afterwards nothing is left under this id. */
export function useEraseCustomer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(typed.DELETE('/v1/customers/{customerId}', { params: { path: { customerId: id } } })),
    onSuccess: () => client.removeQueries({ queryKey: ['customers'] }),
  });
}
