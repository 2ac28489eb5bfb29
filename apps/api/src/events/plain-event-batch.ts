import { isStorableJson, isStorableText } from '@touchpoint/journeys';
import { CUSTOMER_ID_PATTERN } from '../customers/customer.schema';
import { eventSchema, type EventBody } from './event.schema';

const FIELDS = new Set(['id', 'customerId', 'name', 'properties', 'occurredAt']);
const occurredAtSchema = eventSchema.shape.occurredAt;

/**
 * A batch whose every event is plainly valid, read in one pass; undefined when any event is not, or is
 * unusual (a field eventSchema would strip, a `__proto__` key), and eventBatchSchema must judge and name
 * the field. The output is what eventBatchSchema gives, checked against it in the spec: zod's generic
 * object and record parsing was the most of the API's own CPU per event in a burst of batches.
 */
export function plainEventBatch(body: unknown): EventBody[] | undefined {
  if (typeof body !== 'object' || body === null || !('events' in body)) return undefined;
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) return undefined;
  const parsed: EventBody[] = new Array<EventBody>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = plainEvent(events[i]);
    if (!event) return undefined;
    parsed[i] = event;
  }
  return parsed;
}

function plainEvent(value: unknown): EventBody | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) return undefined;
  const { id, customerId, name, properties, occurredAt } = value;
  if (id !== undefined && !isText(id)) return undefined;
  if (!isText(customerId) || !CUSTOMER_ID_PATTERN.test(customerId)) return undefined;
  if (!isText(name)) return undefined;
  if (properties !== undefined && !isPlainRecord(properties)) return undefined;
  if (occurredAt !== undefined && !occurredAtSchema.safeParse(occurredAt).success) return undefined;
  const event: EventBody = { customerId, name, properties: properties ?? {} };
  if (id !== undefined) event.id = id;
  if (occurredAt !== undefined) event.occurredAt = occurredAt as string;
  return event;
}

/** text().min(1).max(200): every string field of an event. */
function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 && isStorableText(value);
}

/** jsonRecord(): zod copies a record key by key, so a `__proto__` key is left to it. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value) || Object.hasOwn(value, '__proto__')) return false;
  for (const key of Object.keys(value)) {
    if (!isStorableText(key) || !isStorableJson(value[key])) return false;
  }
  return true;
}

/** What JSON.parse makes: any other object (a null prototype, a class) is left to zod, which copies it. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}
