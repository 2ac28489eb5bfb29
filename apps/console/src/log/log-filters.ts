import { STAGES } from '@touchpoint/journeys';
import type { components, operations } from '../api/client';

export type Touchpoint = components['schemas']['TouchpointDetail'];
export type TouchpointRow = components['schemas']['TouchpointPage']['items'][number];
export type TouchpointStatus = Touchpoint['status'];
export type TouchpointChannel = Touchpoint['channel'];

/** The log's filters, exactly as GET /v1/touchpoints and its export take them. */
export type LogFilters = NonNullable<operations['TouchpointsController_list']['parameters']['query']>;
type FilterKey = Exclude<keyof LogFilters, 'limit' | 'cursor'>;

export const CHANNELS = [
  'sms',
  'email',
  'push',
  'survey',
  'webhook',
] as const satisfies readonly TouchpointChannel[];
export const STATUSES = [
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'failed',
  'bounced',
  'unknown',
  'unsubscribed',
  'suppressed',
  'cancelled',
  'answered',
] as const satisfies readonly TouchpointStatus[];
export { STAGES };

const FILTER_KEYS = [
  'journeyId',
  'journeyVersion',
  'stepId',
  'customerId',
  'channel',
  'status',
  'stage',
  'from',
  'to',
] as const satisfies readonly FilterKey[];

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
/** An instant the API reads (ISO-8601 with an offset); a time without one is the viewer's own. */
const instant = (raw: string) => (Number.isNaN(Date.parse(raw)) ? undefined : new Date(raw).toISOString());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How each filter reads from the address bar; a value the API would refuse is dropped, not sent. */
const PARSERS: { [K in (typeof FILTER_KEYS)[number]]: (raw: string) => LogFilters[K] | undefined } = {
  journeyId: (raw) => (UUID.test(raw) ? raw : undefined),
  journeyVersion: (raw) => (/^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined),
  stepId: (raw) => raw.slice(0, 64) || undefined,
  customerId: (raw) => raw.slice(0, 200) || undefined,
  channel: oneOf(CHANNELS),
  status: oneOf(STATUSES),
  stage: oneOf(STAGES),
  from: instant,
  to: instant,
};

/** The filters a link carries. Version and step name something inside one journey: without it they go. */
export function filtersFromSearch(search: URLSearchParams): LogFilters {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = search.get(key);
    const value = raw === null ? undefined : PARSERS[key](raw.trim());
    if (value !== undefined) filters[key] = value;
  }
  if (!filters.journeyId) {
    delete filters.journeyVersion;
    delete filters.stepId;
  }
  return filters as LogFilters;
}

/** The same filters written back into the address bar, keeping any other parameter it had. */
export function searchWithFilters(filters: LogFilters, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** Only the filters, for an API query and a query key: nothing of the page's own state. */
export function filterQuery(filters: LogFilters): Record<string, string> {
  return Object.fromEntries(searchWithFilters(filters).entries());
}

export type ExportFormat = 'csv' | 'ndjson';

/** The export's address: the browser downloads it itself, with the session cookie, straight to disk. */
export function exportHref(filters: LogFilters, format: ExportFormat, bom: boolean): string {
  const query = searchWithFilters(filters);
  query.set('format', format);
  if (format === 'csv' && bom) query.set('bom', 'true');
  return `/v1/touchpoints/export?${query.toString()}`;
}
