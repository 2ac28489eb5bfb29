import { statements } from './statements';

/**
 * The audit trail: every change of consequence, who (key id and name, kept even after the key is revoked),
 * what, when and from where. Append-only: a trigger refuses updates and deletes, so not even a bug or a
 * careless script can rewrite it. Keys get an expiry (rotation sets the old key's), and their last use.
 */
export const auditKeys = statements([
  `create table audit_log (
       id uuid primary key,
       at timestamptz not null,
       actor_key_id uuid,
       actor_name text not null,
       actor_role text,
       action text not null,
       target_type text,
       target_id text,
       detail jsonb,
       ip text,
       request_id text)`,
  `create index audit_log_newest on audit_log (at desc, id desc)`,
  `create index audit_log_action on audit_log (action, at desc, id desc)`,
  `create index audit_log_actor on audit_log (actor_key_id, at desc, id desc)`,
  `create index audit_log_target on audit_log (target_type, target_id, at desc, id desc)`,
  `create function audit_log_append_only() returns trigger language plpgsql as $$
     begin
       raise exception 'audit_log is append-only' using errcode = '42501';
     end $$`,
  `create trigger audit_log_append_only before update or delete on audit_log
     for each row execute function audit_log_append_only()`,
  `alter table api_keys add column expires_at timestamptz`,
  `alter table api_keys add column last_used_at timestamptz`,
  `alter table api_keys add column rotated_from uuid references api_keys (id)`,
]);
