import { validateJourney, type JourneyProblem } from '@touchpoint/journeys';
import type { JourneyDoc } from './document';

export const ENTRY_NODE = 'entry';

export function stepNodeId(index: number): string {
  return `step-${index}`;
}

/** A problem placed on the canvas: the node it belongs to and the field within it (dot path, relative). */
export interface PlacedProblem extends JourneyProblem {
  node: string;
  field: string;
}

/** `steps.2.template.locales.fa.body` → node step-2, field `template.locales.fa.body`; the rest → the entry. */
export function placeProblem(problem: JourneyProblem): PlacedProblem {
  const match = /^steps\.(\d+)(?:\.(.*))?$/.exec(problem.path);
  if (match) return { ...problem, node: stepNodeId(Number(match[1])), field: match[2] ?? '' };
  return { ...problem, node: ENTRY_NODE, field: problem.path };
}

/** The same schema and graph checks the API runs, grouped by node. */
export function validateDoc(doc: JourneyDoc): {
  problems: PlacedProblem[];
  byNode: Map<string, PlacedProblem[]>;
} {
  const result = validateJourney(doc);
  const problems = result.ok ? [] : result.problems.map(placeProblem);
  const byNode = new Map<string, PlacedProblem[]>();
  for (const problem of problems) byNode.set(problem.node, [...(byNode.get(problem.node) ?? []), problem]);
  return { problems, byNode };
}

/** The problems of one field of a node (its own path or anything under it). */
export function fieldProblems(
  problems: readonly PlacedProblem[] | undefined,
  field: string,
): PlacedProblem[] {
  return (problems ?? []).filter((p) => p.field === field || p.field.startsWith(`${field}.`));
}
