import type { Step } from './step';

export interface StepLink {
  /** The step id the link leads to; null when a step runs off the end of the array (the journey completes). */
  to: string | null;
  /** Where the link is written, relative to the step; empty for the implicit "next in array order". */
  path: (string | number)[];
}

/** The links out of the step at `index`: explicit references, or the next array element. */
export function stepLinks(steps: readonly Step[], index: number): StepLink[] {
  const step = steps[index];
  const following = (): StepLink => ({ to: steps[index + 1]?.id ?? null, path: [] });
  switch (step.type) {
    case 'wait':
    case 'send':
    case 'update_attributes':
    case 'webhook':
      return step.next !== undefined ? [{ to: step.next, path: ['next'] }] : [following()];
    case 'wait_for_event':
      return [
        { to: step.onEvent, path: ['onEvent'] },
        { to: step.onTimeout, path: ['onTimeout'] },
      ];
    case 'wait_for_attribute':
      return [
        { to: step.onChange, path: ['onChange'] },
        { to: step.onTimeout, path: ['onTimeout'] },
      ];
    case 'branch':
      return [
        { to: step.then, path: ['then'] },
        { to: step.else, path: ['else'] },
      ];
    case 'split':
      return step.variants.map((variant, i) => ({ to: variant.next, path: ['variants', i, 'next'] }));
    case 'exit':
      return [];
  }
}

export interface GraphIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Whether time passes at this step: a wait that always moves forward, or a wait for an event (its timeout). */
function advancesTime(step: Step): boolean {
  if (step.type === 'wait_for_event' || step.type === 'wait_for_attribute') return true;
  if (step.type !== 'wait') return false;
  // A wait until a date may already be past and proceed at once, so it cannot pace a loop.
  return step.duration !== undefined || (step.until !== undefined && !('date' in step.until));
}

/** Whether the planner stops at this step: a send, an update, or a wait for an event or a change. */
function isDueStep(step: Step): boolean {
  return ['send', 'wait_for_event', 'wait_for_attribute', 'update_attributes', 'webhook'].includes(step.type);
}

/** Structural problems: duplicate ids, unknown references, unreachable steps, loops that never wait or never act. */
export function checkJourneyGraph(steps: readonly Step[]): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const indexById = new Map<string, number>();
  steps.forEach((step, index) => {
    const first = indexById.get(step.id);
    if (first !== undefined) {
      issues.push({
        path: ['steps', index, 'id'],
        message: `duplicate step id "${step.id}" (also steps.${first}.id)`,
        code: 'JOURNEY.DUPLICATE_STEP_ID',
      });
    } else {
      indexById.set(step.id, index);
    }
  });
  // With two steps of one id, references are ambiguous: report the duplicates alone; with no step there
  // is no graph (the schema's own minimum says so).
  if (issues.length > 0 || steps.length === 0) return issues;

  const edges: number[][] = steps.map((_, index) =>
    stepLinks(steps, index).flatMap((link) => {
      if (link.to === null) return [];
      const target = indexById.get(link.to);
      if (target === undefined) {
        issues.push({
          path: ['steps', index, ...link.path],
          message: `names unknown step "${link.to}"`,
          code: 'JOURNEY.UNKNOWN_STEP',
        });
        return [];
      }
      return [target];
    }),
  );

  const reached = new Set<number>([0]);
  const stack = [0];
  while (stack.length > 0) {
    for (const target of edges[stack.pop() as number]) {
      if (!reached.has(target)) {
        reached.add(target);
        stack.push(target);
      }
    }
  }
  steps.forEach((step, index) => {
    if (!reached.has(index)) {
      issues.push({
        path: ['steps', index],
        message: `step "${step.id}" can never be reached from the first step`,
        code: 'JOURNEY.UNREACHABLE_STEP',
      });
    }
  });

  const reported = new Set<number>();
  const reportLoops = (breaks: (step: Step) => boolean, code: string, what: string) => {
    for (const loop of loopsWithout(edges, (index) => breaks(steps[index]))) {
      if (loop.some((index) => reported.has(index))) continue;
      loop.forEach((index) => reported.add(index));
      const first = Math.min(...loop);
      issues.push({
        path: ['steps', first],
        message: `steps ${loop.map((index) => `"${steps[index].id}"`).join(', ')} form a loop ${what}`,
        code,
      });
    }
  };
  reportLoops(advancesTime, 'JOURNEY.CYCLE_WITHOUT_WAIT', 'with no wait');
  reportLoops(isDueStep, 'JOURNEY.CYCLE_WITHOUT_ACTION', 'that never sends nor waits for an event');
  return issues;
}

/** Strongly connected components that form a loop once the nodes for which `breaks` holds are removed (Tarjan). */
function loopsWithout(edges: number[][], breaks: (index: number) => boolean): number[][] {
  const loops: number[][] = [];
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  let counter = 0;
  const visit = (node: number) => {
    order.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges[node]) {
      if (breaks(target)) continue;
      if (!order.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, order.get(target) as number));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges[node].includes(node)) {
        loops.push(component.sort((a, b) => a - b));
      }
    }
  };
  edges.forEach((_, node) => {
    if (!breaks(node) && !order.has(node)) visit(node);
  });
  return loops;
}
