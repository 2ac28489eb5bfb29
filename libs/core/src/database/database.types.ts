import type { Channel, Consent } from '@touchpoint/journeys';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;

export type Role = 'admin' | 'marketer' | 'analyst' | 'ingest';
export const ROLES: readonly Role[] = ['admin', 'marketer', 'analyst', 'ingest'];

export interface ApiKeyTable {
  id: string;
  name: string;
  role: Role;
  key_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  /** Refused from then on; rotation sets the old key's to the end of its grace period (0009). */
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The last request made with it, to the minute (0009). */
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The key this one replaced (0009). */
  rotated_from: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_key_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
  ip: string | null;
  request_id: string | null;
}

export interface StoredPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface CustomerTable {
  id: string;
  email: string | null;
  phone: string | null;
  push_subscriptions: JsonWithDefault<StoredPushSubscription[]>;
  locale: string | null;
  timezone: string | null;
  attributes: JsonWithDefault<Record<string, unknown>>;
  consent: JsonWithDefault<Consent>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** FCM registration tokens of the customer's mobile app installs (0002_channels). */
  fcm_tokens: JsonWithDefault<string[]>;
  /** When the customer last wrote to us, an ISO time by channel (0015_last_inbound). */
  last_inbound: JsonWithDefault<Partial<Record<Channel, string>>>;
}

export interface EventTable {
  id: string;
  customer_id: string;
  name: string;
  properties: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  received_at: Timestamp;
  processed_at: Timestamp | null;
}

export type JourneyStatus = 'active' | 'paused' | 'archived';

export interface JourneyTable {
  id: string;
  name: string;
  status: JourneyStatus;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JourneyVersionTable {
  journey_id: string;
  version: number;
  definition: Json<unknown>;
  trigger_event: string;
  exit_on: string[];
  created_at: Timestamp;
  created_by: string;
  /** The API key that made the version (0008_console; null before it). */
  created_by_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface JourneyChangeTable {
  id: Generated<number>;
  journey_id: string;
  version: number;
  action: string;
  actor: string;
  at: Timestamp;
  /** The API key that made the change (0008_console; null before it). */
  actor_key_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type EnrollmentStatus = 'active' | 'completed' | 'exited' | 'holdout';

export interface EnrollmentTable {
  id: string;
  journey_id: string;
  journey_version: number;
  customer_id: string;
  status: EnrollmentStatus;
  trigger_event_id: string | null;
  variant: string | null;
  enrolled_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  /** The broadcast that enrolled the customer, if one did (0013_entries). */
  broadcast_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the enrollment's steps found out, by step id: the event that ended a wait, a webhook's answer (0014). */
  context: JsonWithDefault<Record<string, unknown>>;
  /** The first goal event of its version's goal within the window after enrolling (0017). */
  converted_at: Generated<Timestamp | null>;
}

/** waiting: only in PostgreSQL; queued: a BullMQ delayed job exists (or should); done/cancelled: final. */
export type ScheduledStepStatus = 'waiting' | 'queued' | 'done' | 'cancelled';

export interface ScheduledStepTable {
  id: string;
  enrollment_id: string;
  step_id: string;
  due_at: Timestamp;
  status: ScheduledStepStatus;
  queued_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The events a wait_for_event step waits for, any of them (its row's due_at is the timeout); null for other steps (0014). */
  awaits_events: string[] | null;
  /** The customer attribute a wait_for_attribute step waits on; null for other steps (0014). */
  awaits_attribute: string | null;
  /** A wait_for_attribute step's timeout: its due_at moves to the moment the attribute changes (0014). */
  timeout_at: Timestamp | null;
  /** When the awaited attribute changed, set by a trigger on customers (0014). */
  attribute_changed_at: Timestamp | null;
  /** How many times the enrollment has reached this step (loops revisit steps; 0005_step_visits). */
  visit: Generated<number>;
}

/**
 * Every touchpoint status. The order is stored: a status's bit in `touchpoints.reached` is 1 << its index
 * (STATUS_BITS), so a new status goes at the end and none moves.
 */
export const TOUCHPOINT_STATUSES = [
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'suppressed',
  'unknown',
  'cancelled',
  'answered',
  'expired',
] as const;
export type TouchpointStatus = (typeof TOUCHPOINT_STATUSES)[number];
export type TouchpointChannel = Channel | 'survey' | 'webhook';

export interface TouchpointTable {
  id: string;
  enrollment_id: string | null;
  step_id: string | null;
  customer_id: string;
  journey_id: string | null;
  journey_version: number | null;
  stage: string | null;
  channel: TouchpointChannel;
  status: TouchpointStatus;
  to: string | null;
  provider: string | null;
  provider_message_id: string | null;
  /** The rendered message, set when the step is decided; a `scheduled` row with it has a send job. */
  rendered: Json<Record<string, unknown>> | null;
  details: Json<Record<string, unknown>> | null;
  scheduled_for: Timestamp | null;
  queued_at: Timestamp | null;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  error: string | null;
  error_message: string | null;
  score: number | null;
  comment: string | null;
  /** The visit of its step in the enrollment: unique on (enrollment, step, visit) (0005_step_visits). */
  visit: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Every status the touchpoint has been in, one bit each (touchpoint_status_bit), kept by a trigger (0004). */
  reached: Generated<number>;
  /** A survey answer's link to the touchpoint that carried the survey link (0004). */
  survey_of: string | null;
  /** A `sending` touchpoint whose provider answer was lost is settled with the provider after this (0007). */
  settle_after: Timestamp | null;
  /** Unsent by then, the message is `expired`, never sent late; null: it waits as long as it takes (0010). */
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface TouchpointEventTable {
  id: Generated<number>;
  touchpoint_id: string;
  status: TouchpointStatus;
  at: Timestamp;
  detail: Json<Record<string, unknown>> | null;
}

/** The never-twice guard of scheduled touchpoints, unique across the log's monthly partitions (0019). */
export interface TouchpointKeyTable {
  enrollment_id: string;
  step_id: string;
  visit: number;
  touchpoint_id: string;
}

/** One answer per survey link, unique across the log's monthly partitions (0019). */
export interface TouchpointAnswerKeyTable {
  survey_of: string;
  touchpoint_id: string;
  /** The answer's score, which the rollups key the carrier by (read here, not across the months). */
  score: number | null;
}

export interface SandboxMessageTable {
  id: Generated<number>;
  channel: string;
  to: string;
  subject: string | null;
  body: string;
  html: string | null;
  /** Null for a test send (0008_console), which is no touchpoint. */
  touchpoint_id: string | null;
  at: Timestamp;
  test_send_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A console sign-in: the cookie's id hashed, the key it acts as, its CSRF token, its idle expiry (0008). */
export interface ConsoleSessionTable {
  id_hash: string;
  key_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
}

/** One work-in-progress definition per journey, possibly invalid (0008_console). */
export interface JourneyDraftTable {
  journey_id: string;
  definition: Json<unknown>;
  base_version: number;
  updated_at: Timestamp;
  updated_by: string;
  updated_by_key_id: string | null;
}

/** A "send me a test" from the console: recorded here, never as a touchpoint (0008_console). */
export interface TestSendTable {
  id: string;
  channel: string;
  to: string;
  mode: 'live' | 'sandbox';
  provider: string;
  provider_message_id: string | null;
  status: 'sent' | 'failed';
  error: string | null;
  rendered: Json<Record<string, unknown>>;
  key_id: string | null;
  at: Timestamp;
}

/** A provider webhook event already applied (SendGrid `sg_event_id`): at-least-once delivery, applied once. */
export interface WebhookReceiptTable {
  provider: string;
  event_id: string;
  received_at: Timestamp;
}

/** An enrollment request's answer, kept under its `Idempotency-Key` (0013_entries). */
export interface EnrollmentRequestTable {
  journey_id: string;
  idempotency_key: string;
  /** What the request asked, hashed: the same key with another body is refused. */
  body_hash: string;
  response: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export type BroadcastStatus = 'running' | 'completed' | 'cancelled';

/** A broadcast: the customers matching a condition, enrolled chunk by chunk (0013_entries). */
export interface BroadcastTable {
  id: string;
  journey_id: string;
  condition: Json<unknown>;
  status: BroadcastStatus;
  /** The last customer id looked at; null before the first chunk. */
  cursor: string | null;
  scanned: Counter;
  matched: Counter;
  enrolled: Counter;
  already_enrolled: Counter;
  not_eligible: Counter;
  end_reason: string | null;
  created_by: string;
  created_by_key_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A bigint counter with a default: read as a string by pg (a number on PGlite), 0 on insert. */
type Counter = ColumnType<string | number, number | undefined, string | number>;

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface Database {
  api_keys: ApiKeyTable;
  customers: CustomerTable;
  events: EventTable;
  journeys: JourneyTable;
  journey_versions: JourneyVersionTable;
  journey_changes: JourneyChangeTable;
  enrollments: EnrollmentTable;
  scheduled_steps: ScheduledStepTable;
  touchpoints: TouchpointTable;
  touchpoint_events: TouchpointEventTable;
  touchpoint_keys: TouchpointKeyTable;
  touchpoint_answer_keys: TouchpointAnswerKeyTable;
  sandbox_messages: SandboxMessageTable;
  settings: SettingTable;
  webhook_receipts: WebhookReceiptTable;
  console_sessions: ConsoleSessionTable;
  journey_drafts: JourneyDraftTable;
  test_sends: TestSendTable;
  audit_log: AuditLogTable;
  enrollment_requests: EnrollmentRequestTable;
  broadcasts: BroadcastTable;
}

export type Customer = Selectable<CustomerTable>;
export type NewCustomer = Insertable<CustomerTable>;
export type StoredEvent = Selectable<EventTable>;
export type Journey = Selectable<JourneyTable>;
export type JourneyVersion = Selectable<JourneyVersionTable>;
export type Enrollment = Selectable<EnrollmentTable>;
export type ScheduledStep = Selectable<ScheduledStepTable>;
export type Touchpoint = Selectable<TouchpointTable>;
export type TouchpointUpdate = Updateable<TouchpointTable>;
export type ApiKey = Selectable<ApiKeyTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Broadcast = Selectable<BroadcastTable>;
