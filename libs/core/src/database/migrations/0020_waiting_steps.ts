import { statements } from './statements';

/**
 * The steps waiting in PostgreSQL, by due time: the scheduler's tick promotes those that came within the
 * horizon. Through `scheduled_steps_pending` it also read every queued step (those whose job is already in
 * Redis, all of a burst's) and dropped them by status, each tick: 4,000–5,000 rows a tick in the bench, for
 * none promoted. Queued steps have no entry here, so a short wait costs no write to it.
 */
export const waitingSteps = statements([
  `create index scheduled_steps_waiting on scheduled_steps (due_at) where status = 'waiting'`,
]);
