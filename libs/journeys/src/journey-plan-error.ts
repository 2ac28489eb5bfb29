/** A planner call that cannot be answered: an unknown step id, or a call that does not fit the step's type. */
export class JourneyPlanError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JourneyPlanError';
  }
}
