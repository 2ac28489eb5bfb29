import { api } from '../api/http';
import type { TemplatePreview } from '../api/types';

export interface PreviewRequest {
  channel: string;
  template: Record<string, unknown>;
  customer: { id: string } | Record<string, unknown>;
  event?: { name: string; properties: Record<string, unknown> };
  journey?: { id: string };
}

export const previewTemplate = (body: PreviewRequest) =>
  api.post<TemplatePreview>('/v1/templates/preview', body);

export const sendTest = (
  body: Omit<PreviewRequest, 'customer' | 'journey'> & { to: string; customer?: PreviewRequest['customer'] },
) => api.post<{ id: string; mode: 'live' | 'sandbox' }>('/v1/templates/test-send', body);

export const templateVariables = (event?: string) =>
  api.get<{ customer: string[]; event: string[] }>('/v1/templates/variables', event ? { event } : undefined);
