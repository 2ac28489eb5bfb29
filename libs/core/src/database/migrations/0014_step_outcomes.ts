import { statements } from './statements';

/**
 * What the steps beyond sending need. An enrollment's `context`: what its steps found out, by step id (which
 * event ended a wait, a webhook's answer), for the branches that follow. A wait for any of several events
 * (`awaits_events` replaces the single `awaits_event`). A wait for a customer attribute to change: the
 * step's row names the attribute and keeps its timeout; a trigger on customers, whatever code path writes
 * the attributes, marks the waiting rows whose attribute changed and makes them due now, so the scheduler
 * tick picks them up (their queued timeout job, if any, then finds them done).
 */
export const stepOutcomes = statements([
  `alter table enrollments add column context jsonb not null default '{}'`,
  `alter table scheduled_steps add column awaits_events text[]`,
  `update scheduled_steps set awaits_events = array[awaits_event] where awaits_event is not null`,
  `alter table scheduled_steps drop column awaits_event`,
  `alter table scheduled_steps add column awaits_attribute text`,
  `alter table scheduled_steps add column timeout_at timestamptz`,
  `alter table scheduled_steps add column attribute_changed_at timestamptz`,
  `create function touchpoint_wake_attribute_waits() returns trigger language plpgsql as $$
   begin
     update scheduled_steps s
        set attribute_changed_at = now(), due_at = least(s.due_at, now()), status = 'waiting',
            queued_at = null, updated_at = now()
       from enrollments e
      where e.customer_id = new.id and e.status = 'active' and s.enrollment_id = e.id
        and s.awaits_attribute is not null and s.status in ('waiting', 'queued')
        and (old.attributes -> s.awaits_attribute) is distinct from (new.attributes -> s.awaits_attribute);
     return null;
   end $$`,
  `create trigger customers_wake_attribute_waits after update of attributes on customers
     for each row when (old.attributes is distinct from new.attributes)
     execute function touchpoint_wake_attribute_waits()`,
]);
