import { Clock } from '@touchpoint/core';

/**
 * Real time moved by an offset the test sets: it keeps ticking, so BullMQ delays (computed from the one
 * clock) still fire in real seconds, while the app believes it is, say, 20:59:56 in Tehran.
 */
export class ShiftedClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on, "now" is `at` and moves forward in real time. Only ever move it forward in a running app. */
  shiftTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
