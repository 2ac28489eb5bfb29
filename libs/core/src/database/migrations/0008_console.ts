import { statements } from './statements';

/**
 * What the browser console needs: sessions (a pasted key exchanged for a cookie), one server-side draft
 * per journey, which key made each change, and test sends kept apart from touchpoints.
 */
export const consoleTables = statements([
  // The cookie holds a random id; only its SHA-256 is stored, as for API keys.
  `create table console_sessions (
       id_hash text primary key,
       key_id uuid not null references api_keys (id),
       csrf_token text not null,
       created_at timestamptz not null,
       last_used_at timestamptz not null,
       expires_at timestamptz not null)`,
  `create index console_sessions_key on console_sessions (key_id)`,
  `create index console_sessions_expires on console_sessions (expires_at)`,
  // Names change and repeat; the key id says which key it was (null on changes made before 0008).
  `alter table journey_changes add column actor_key_id uuid`,
  `alter table journey_versions add column created_by_key_id uuid`,
  // Work in progress: stored even when invalid, validated when published.
  `create table journey_drafts (
       journey_id uuid primary key references journeys (id),
       definition jsonb not null,
       base_version int not null,
       updated_at timestamptz not null,
       updated_by text not null,
       updated_by_key_id uuid)`,
  // "Send me a test": never a touchpoint, so it counts in no journey figure and no frequency cap.
  `create table test_sends (
       id uuid primary key,
       channel text not null,
       "to" text not null,
       mode text not null check (mode in ('live', 'sandbox')),
       provider text not null,
       provider_message_id text,
       status text not null check (status in ('sent', 'failed')),
       error text,
       rendered jsonb not null,
       key_id uuid,
       at timestamptz not null)`,
  `create index test_sends_at on test_sends (at desc)`,
  `alter table sandbox_messages alter column touchpoint_id drop not null`,
  `alter table sandbox_messages add column test_send_id uuid`,
  // Customer search matches an id, email or phone by prefix.
  `create index customers_id_prefix on customers (id text_pattern_ops)`,
  `create index customers_email_prefix on customers (lower(email) text_pattern_ops) where email is not null`,
  `create index customers_phone_prefix on customers (phone text_pattern_ops) where phone is not null`,
]);
