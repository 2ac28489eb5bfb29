import type { CustomerLike } from './customer-like';
import type { EventLike } from './event-like';
import type { Step } from './step';

export interface PlanContext {
  customer: CustomerLike;
  /** The event that enrolled the customer. */
  event?: EventLike;
  enrollmentId: string;
  journeyId: string;
  /** What the enrollment's steps found out so far, by step id; branches read it at `context.<step id>`. */
  context?: Record<string, unknown>;
}

/** What the planner resolved on its way to the next due step, for simulation and audit. */
export type PlanTrace = {
  stepId: string;
  action: 'wait' | 'branch' | 'split' | 'exit' | 'holdout';
  at: Date;
  detail?: string;
};

/**
 * The next thing the worker must act on: a step due at a moment (a send, the timeout of a wait_for_event, or
 * a branch reached after a wait, decided when due on what is true then), or the end of the enrollment. Quiet hours and frequency caps are not applied here: see applyQuietHours and isCapped.
 */
export type Plan =
  | { kind: 'due'; stepId: string; step: Step; dueAt: Date; trace: PlanTrace[]; variant?: string }
  | {
      kind: 'end';
      outcome: 'completed' | 'exited' | 'holdout';
      at: Date;
      trace: PlanTrace[];
      /** The split variant chosen on the way, so that an enrollment ending right after a split still records it. */
      variant?: string;
    };
