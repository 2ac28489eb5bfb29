import { api, ApiError, typed, unwrap } from '../api/http';
import type {
  Draft,
  HistoryEntry,
  Journey,
  JourneyStepStats,
  LifecyclePreview,
  SimulationResult,
} from '../api/types';

const base = (id: string) => `/v1/journeys/${encodeURIComponent(id)}`;

export const editorApi = {
  journey: async (id: string) =>
    (await unwrap(typed.GET('/v1/journeys/{id}', { params: { path: { id } } }))) as Journey,
  draft: async (id: string): Promise<Draft | null> => {
    try {
      return await api.get<Draft>(`${base(id)}/draft`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  saveDraft: (id: string, definition: unknown, baseVersion: number) =>
    api.put<Draft>(`${base(id)}/draft`, { definition, baseVersion }),
  discardDraft: (id: string) => api.delete(`${base(id)}/draft`),
  publishDraft: (id: string) => api.post<Journey>(`${base(id)}/draft/publish`),
  create: async (definition: unknown) =>
    (await unwrap(typed.POST('/v1/journeys', { body: definition as never }))) as Journey,
  version: (id: string, version: number) => api.get<Journey>(`${base(id)}/versions/${version}`),
  history: async (id: string) =>
    (await unwrap(typed.GET('/v1/journeys/{id}/history', { params: { path: { id } } }))) as {
      items: HistoryEntry[];
    },
  stats: (id: string, range: { from: string; to: string }) =>
    api.get<JourneyStepStats>(`${base(id)}/steps/stats`, range),
  lifecyclePreview: (id: string) => api.get<LifecyclePreview>(`${base(id)}/lifecycle-preview`),
  pause: (id: string) => unwrap(typed.POST('/v1/journeys/{id}/pause', { params: { path: { id } } })),
  resume: (id: string) => unwrap(typed.POST('/v1/journeys/{id}/resume', { params: { path: { id } } })),
  archive: (id: string) => unwrap(typed.DELETE('/v1/journeys/{id}', { params: { path: { id } } })),
  simulate: async (id: string, body: unknown) =>
    (await unwrap(
      typed.POST('/v1/journeys/{id}/simulate', { params: { path: { id } }, body: body as never }),
    )) as unknown as SimulationResult,
};
