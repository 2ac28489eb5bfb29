import type { UpdateAttributesStep } from './step';

/**
 * The customer's attributes after an update_attributes step run at `at`: set, set to now (ISO-8601 UTC),
 * increment (a missing or non-numeric value counts as 0), unset. Pure: the worker applies it under the
 * customer's row lock, the simulator to its copy of the customer.
 */
export function updateAttributes(
  attributes: Readonly<Record<string, unknown>>,
  step: Pick<UpdateAttributesStep, 'set' | 'setNow' | 'increment' | 'unset'>,
  at: Date,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...attributes, ...step.set };
  for (const name of step.setNow ?? []) next[name] = at.toISOString();
  for (const [name, amount] of Object.entries(step.increment ?? {})) {
    const current = attributes[name];
    next[name] = (typeof current === 'number' && Number.isFinite(current) ? current : 0) + amount;
  }
  for (const name of step.unset ?? []) delete next[name];
  return next;
}

/** One line for a trace or a simulation: `set tier, setNow lastCartReminderAt, increment remindersSent by 1`. */
export function describeUpdate(
  step: Pick<UpdateAttributesStep, 'set' | 'setNow' | 'increment' | 'unset'>,
): string {
  const parts = [
    ...Object.keys(step.set ?? {}).map((name) => `set ${name}`),
    ...(step.setNow ?? []).map((name) => `set ${name} to now`),
    ...Object.entries(step.increment ?? {}).map(([name, by]) => `increment ${name} by ${by}`),
    ...(step.unset ?? []).map((name) => `unset ${name}`),
  ];
  return parts.join(', ');
}
