import { statements } from './statements';

/**
 * A journey may loop back to a step (a loop paced by a wait is valid), so a step can run more than once
 * in one enrollment: each run is a visit. The scheduled step row is reused per visit; each visit of a
 * send step gets its own touchpoint, still unique, now on (enrollment, step, visit).
 */
export const stepVisits = statements([
  `alter table scheduled_steps add column visit int not null default 1`,
  `alter table touchpoints add column visit int not null default 1`,
  `create unique index touchpoints_step_visit on touchpoints (enrollment_id, step_id, visit)`,
  `alter table touchpoints drop constraint touchpoints_enrollment_id_step_id_key`,
]);
