import { useQuery } from '@tanstack/react-query';
import { api, typed, unwrap } from '../api/http';
import type { Journey, JourneySummary } from '../api/types';

export type Period = '1d' | '7d' | '30d';
const PERIOD_DAYS: Record<Period, number> = { '1d': 1, '7d': 7, '30d': 30 };

export function periodRange(period: Period, now = new Date()): { from: string; to: string } {
  const from = new Date(now.getTime() - PERIOD_DAYS[period] * 86_400_000);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** One request for the whole list, numbers included. */
export function useJourneySummaries(period: Period) {
  return useQuery({
    queryKey: ['journeys', 'summary', period],
    queryFn: ({ signal }) =>
      api.get<{ items: JourneySummary[] }>('/v1/journeys/summary', periodRange(period), signal),
    refetchInterval: 60_000,
  });
}

export async function fetchJourney(id: string): Promise<Journey> {
  return (await unwrap(typed.GET('/v1/journeys/{id}', { params: { path: { id } } }))) as Journey;
}

/** The journey as POST /v1/journeys takes it: the server's own fields dropped. */
export function definitionOf(journey: Journey): Record<string, unknown> {
  const { id: _id, version: _v, status: _s, createdAt: _c, updatedAt: _u, ...definition } = journey;
  return definition;
}
