import { addDuration } from './duration';
import type { JourneyDefinition } from './journey-definition';

/** A customer's past in one journey, as the re-entry rules read it. */
export interface EntryHistory {
  /** Enrollments so far, running or ended (holdouts included). */
  count: number;
  /** Whether one is running now. */
  active: boolean;
  lastEnteredAt: Date | null;
  lastEndedAt: Date | null;
}

export type EntryDecision =
  | { enter: true; /** The running enrollment must end first (reentry `always`). */ replacesActive: boolean }
  | { enter: false; reason: 'already_enrolled' | 'entered_before' | 'entry_limit' | 'reentry_gap' };

/**
 * Whether a trigger enrolls the customer again. One customer runs a journey once at a time (the
 * database holds one active enrollment per journey and customer), so `always` means the newest trigger
 * wins: the running enrollment ends with reason `reentered` and a fresh one starts. The gap is counted
 * from the previous end under `after_exit` and from the previous start under `always`.
 */
export function entryDecision(
  journey: Pick<JourneyDefinition, 'reentry' | 'reentryGap' | 'entryLimit'>,
  history: EntryHistory,
  now: Date,
): EntryDecision {
  if (history.count === 0) return { enter: true, replacesActive: false };
  if (journey.entryLimit !== undefined && history.count >= journey.entryLimit) {
    return { enter: false, reason: 'entry_limit' };
  }
  switch (journey.reentry) {
    case 'never':
      return { enter: false, reason: history.active ? 'already_enrolled' : 'entered_before' };
    case 'after_exit':
      if (history.active) return { enter: false, reason: 'already_enrolled' };
      if (gapOpen(journey.reentryGap, history.lastEndedAt, now)) {
        return { enter: false, reason: 'reentry_gap' };
      }
      return { enter: true, replacesActive: false };
    case 'always':
      if (gapOpen(journey.reentryGap, history.lastEnteredAt, now)) {
        return { enter: false, reason: 'reentry_gap' };
      }
      return { enter: true, replacesActive: history.active };
  }
}

/** Whether `gap` has not yet passed since `since` (UTC arithmetic: a gap is a minimum, not a calendar rule). */
function gapOpen(gap: string | undefined, since: Date | null, now: Date): boolean {
  return gap !== undefined && since !== null && addDuration(since, gap, 'UTC').getTime() > now.getTime();
}
