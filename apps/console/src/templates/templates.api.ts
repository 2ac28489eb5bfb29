import { api, typed, unwrap } from '../api/http';
import type { components } from '../api/schema';
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

export type TestSendRequest = components['schemas']['TestSendBodyDto'];
export type TestSendResult = components['schemas']['TestSend'];

export const sendTest = (body: TestSendRequest) => unwrap(typed.POST('/v1/templates/test-send', { body }));

export type TemplateVariables = components['schemas']['TemplateVariables'];

export const templateVariables = (journeyId: string) =>
  unwrap(typed.GET('/v1/templates/variables', { params: { query: { journeyId } } }));
