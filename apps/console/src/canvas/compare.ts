import type { JourneyDoc } from './document';

export interface JourneyDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Top-level fields (trigger, quietHours, …) that differ. */
  fields: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from `before` to `after`: steps by id, and the journey's own fields. */
export function compareJourneys(before: JourneyDoc, after: JourneyDoc): JourneyDiff {
  const old = new Map(before.steps.map((step) => [step.id, step]));
  const now = new Map(after.steps.map((step) => [step.id, step]));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => key !== 'steps'));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && !same(old.get(id), now.get(id))),
    fields: [...keys].filter((key) => !same(before[key], after[key])),
  };
}
