import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { typed, unwrap } from '../api/http';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type JourneyReport = Schemas['JourneyReport'];
// The OpenAPI document spells these two nullable fields as arrays (an API-side generation bug);
// the API answers a number or null, a string or null.
export type Overview = Omit<Schemas['Overview'], 'deliveryRate'> & { deliveryRate: number | null };
type AnswersPage = Omit<Schemas['SurveyAnswers'], 'nextCursor'> & { nextCursor: string | null };
export type StageAnalytics = Schemas['StageAnalytics'];
export type NpsSeries = Schemas['NpsSeries'];
export type SurveyAnswer = AnswersPage['items'][number];
export type SeriesRow = Overview['series'][number];
export type Stage = NonNullable<StageAnalytics['stages'][number]['stage']>;
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export const STAGES: readonly Stage[] = [
  'awareness',
  'consideration',
  'decision',
  'purchase',
  'retention',
  'advocacy',
];

/** A period the reports are read over: [from, to) as ISO-8601. */
export interface Range {
  from: string;
  to: string;
}

// Reports change slowly; a minute-old figure is fine and keeps a period switch instant.
const fresh = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function useJourneyReport(id: string, range: Range) {
  return useQuery({
    queryKey: ['reports', 'journey', id, range],
    queryFn: async () =>
      (await unwrap(
        typed.GET('/v1/journeys/{id}/report', {
          params: { path: { id }, query: { ...range, interval: 'day' } },
        }),
      )) as JourneyReport,
    ...fresh,
  });
}

export function useOverview(range: Range) {
  return useQuery({
    queryKey: ['reports', 'overview', range],
    queryFn: async () =>
      (await unwrap(
        typed.GET('/v1/analytics/overview', { params: { query: { ...range, interval: 'day' } } }),
      )) as unknown as Overview,
    ...fresh,
  });
}

export function useStages(range: Range, min: { minVolume: number; minResponses: number }) {
  return useQuery({
    queryKey: ['reports', 'stages', range, min],
    queryFn: () => unwrap(typed.GET('/v1/analytics/stages', { params: { query: { ...range, ...min } } })),
    ...fresh,
  });
}

export function useNps(range: Range, filters: { journeyId?: string; stage?: Stage }) {
  return useQuery({
    queryKey: ['reports', 'nps', range, filters],
    queryFn: () =>
      unwrap(
        typed.GET('/v1/analytics/nps', { params: { query: { ...range, ...filters, interval: 'week' } } }),
      ),
    ...fresh,
  });
}

export interface AnswerFilters {
  journeyId?: string;
  stage?: Stage;
  category?: NpsCategory;
  search?: string;
}

/** Answers newest first, a page at a time along the API's cursor. */
export function useNpsAnswers(range: Range, filters: AnswerFilters) {
  return useInfiniteQuery({
    queryKey: ['reports', 'nps-answers', range, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await unwrap(
        typed.GET('/v1/analytics/nps/answers', {
          params: { query: { ...range, ...filters, cursor: pageParam, limit: 50 } },
        }),
      )) as unknown as AnswersPage,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Promoters 9–10, passives 7–8, detractors 0–6. */
export function categoryOf(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
