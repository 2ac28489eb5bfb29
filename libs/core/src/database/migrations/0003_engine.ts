import { statements } from './statements';

/**
 * The journey engine: a wait_for_event step records the event it waits for, so that an incoming event
 * finds the customer's waiting enrollments (through enrollments_customer) and ends the wait early.
 */
export const engine = statements([`alter table scheduled_steps add column awaits_event text`]);
