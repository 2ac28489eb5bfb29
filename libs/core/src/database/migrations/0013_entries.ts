import { statements } from './statements';

/**
 * Entry without a trigger event (issue 13): enrollments asked for by id, idempotent by the request's
 * `Idempotency-Key`, and broadcasts that enroll every customer matching a condition, chunk by chunk.
 */
export const entries = statements([
  // One row per (journey, key): the first request stores its answer, a repeat is answered from it. The
  // insert takes the key's lock, so a concurrent repeat waits for the first to commit and then reads it.
  `create table enrollment_requests (
       journey_id uuid not null references journeys (id),
       idempotency_key text not null,
       body_hash text not null,
       response jsonb,
       created_at timestamptz not null,
       primary key (journey_id, idempotency_key))`,
  // Keys are kept a day (the reconciler prunes them); a retry comes within minutes.
  `create index enrollment_requests_created on enrollment_requests (created_at)`,
  // A broadcast's progress: the keyset cursor (the last customer id looked at) moves in the same
  // transaction as the enrollments of its chunk, so a chunk is never enrolled twice and a crash resumes at it.
  `create table broadcasts (
       id uuid primary key,
       journey_id uuid not null references journeys (id),
       condition jsonb not null,
       status text not null check (status in ('running', 'completed', 'cancelled')),
       cursor text,
       scanned bigint not null default 0,
       matched bigint not null default 0,
       enrolled bigint not null default 0,
       already_enrolled bigint not null default 0,
       not_eligible bigint not null default 0,
       end_reason text,
       created_by text not null,
       created_by_key_id uuid,
       created_at timestamptz not null,
       updated_at timestamptz not null,
       finished_at timestamptz)`,
  `create index broadcasts_running on broadcasts (created_at) where status = 'running'`,
  `create index broadcasts_journey on broadcasts (journey_id, created_at desc)`,
  `alter table enrollments add column broadcast_id uuid references broadcasts (id)`,
  // However a chunk is retried, a broadcast enrolls a customer at most once.
  `create unique index enrollments_broadcast on enrollments (broadcast_id, customer_id) where broadcast_id is not null`,
]);
