import { chooseVariant } from './choose-variant';
import { addDuration } from './duration';
import { evaluateCondition, type ConditionScope } from './evaluate-condition';
import type { JourneyDefinition } from './journey-definition';
import { JourneyPlanError } from './journey-plan-error';
import type { Plan, PlanContext, PlanTrace } from './plan';
import { resolveTimezone } from './resolve-timezone';
import type { Step } from './step';
import { waitEnd } from './wait-until';

/** Plans from the first step of the journey, for an enrollment made at `enrolledAt`. */
export function planFirst(journey: JourneyDefinition, enrolledAt: Date, ctx: PlanContext): Plan {
  return walk(journey, journey.steps[0].id, enrolledAt, ctx);
}

/**
 * Plans what follows `stepId`, done at `at`: its `next`, else the next array element.
 * A branch, split or exit is resolved again; a wait_for_event must go through planOnEvent or planOnTimeout.
 */
export function planAfter(journey: JourneyDefinition, stepId: string, at: Date, ctx: PlanContext): Plan {
  const index = indexOf(journey, stepId);
  const step = journey.steps[index];
  switch (step.type) {
    case 'wait':
    case 'send':
    case 'update_attributes':
    case 'webhook':
      return walk(journey, successor(journey, index), at, ctx);
    case 'branch':
    case 'split':
    case 'exit':
      return walk(journey, step.id, at, ctx);
    case 'wait_for_event':
    case 'wait_for_attribute':
      throw new JourneyPlanError(
        'JOURNEY.WRONG_STEP_TYPE',
        `step "${stepId}" waits: use ${step.type === 'wait_for_event' ? 'planOnEvent' : 'planOnChange'} or planOnTimeout`,
      );
  }
}

/** The awaited event of the wait_for_event `stepId` came at `at`: continue with its onEvent. */
export function planOnEvent(journey: JourneyDefinition, stepId: string, at: Date, ctx: PlanContext): Plan {
  return walk(journey, waitForEvent(journey, stepId).onEvent, at, ctx);
}

/** The attribute the wait_for_attribute `stepId` waits on changed at `at`: continue with its onChange. */
export function planOnChange(journey: JourneyDefinition, stepId: string, at: Date, ctx: PlanContext): Plan {
  const step = journey.steps[indexOf(journey, stepId)];
  if (step.type !== 'wait_for_attribute') {
    throw new JourneyPlanError(
      'JOURNEY.WRONG_STEP_TYPE',
      `step "${stepId}" is a ${step.type}, not a wait_for_attribute`,
    );
  }
  return walk(journey, step.onChange, at, ctx);
}

/** The wait_for_event or wait_for_attribute `stepId` timed out at `at`: continue with its onTimeout. */
export function planOnTimeout(journey: JourneyDefinition, stepId: string, at: Date, ctx: PlanContext): Plan {
  const step = journey.steps[indexOf(journey, stepId)];
  if (step.type !== 'wait_for_event' && step.type !== 'wait_for_attribute') {
    throw new JourneyPlanError('JOURNEY.WRONG_STEP_TYPE', `step "${stepId}" is a ${step.type}, not a wait`);
  }
  return walk(journey, step.onTimeout, at, ctx);
}

/** Walks from `stepId` at `at`, folding waits into the time and resolving branches, splits and exits. */
function walk(journey: JourneyDefinition, stepId: string | null, at: Date, ctx: PlanContext): Plan {
  const zone = resolveTimezone(ctx.customer.timezone);
  const scope: ConditionScope = { customer: ctx.customer, event: ctx.event, context: ctx.context };
  const trace: PlanTrace[] = [];
  const visited = new Set<string>();
  let variant: string | undefined;
  const due = (step: Step, dueAt: Date): Plan => ({
    kind: 'due',
    stepId: step.id,
    step,
    dueAt,
    trace,
    ...(variant !== undefined ? { variant } : {}),
  });
  let time = at;
  let waited = false;
  let current = stepId;
  while (current !== null) {
    if (visited.has(current)) {
      // validateJourney refuses loops that neither send nor wait for an event, so this is a journey that skipped it.
      throw new JourneyPlanError(
        'JOURNEY.CYCLE_WITHOUT_ACTION',
        `step "${current}" loops back without a due step`,
      );
    }
    visited.add(current);
    const index = indexOf(journey, current);
    const step: Step = journey.steps[index];
    switch (step.type) {
      case 'send':
      case 'update_attributes':
      case 'webhook':
        return due(step, time);
      case 'wait_for_event':
      case 'wait_for_attribute':
        return due(step, addDuration(time, step.timeout, zone));
      case 'wait': {
        const end = waitEnd(step, time, scope, zone);
        waited ||= end.at.getTime() > time.getTime();
        time = end.at;
        trace.push({ stepId: step.id, action: 'wait', at: time, detail: end.detail });
        current = successor(journey, index);
        break;
      }
      case 'branch': {
        // After a wait the customer may have changed: the branch is decided when it comes due, on what is true then.
        if (waited) return due(step, time);
        const taken = evaluateCondition(step.if, scope);
        current = taken ? step.then : step.else;
        trace.push({
          stepId: step.id,
          action: 'branch',
          at: time,
          detail: `${taken ? 'then' : 'else'} → ${current}`,
        });
        break;
      }
      case 'split': {
        const choice = chooseVariant(step, ctx.journeyId, ctx.customer.id);
        if (choice.holdout) {
          trace.push({
            stepId: step.id,
            action: 'holdout',
            at: time,
            detail: `holdout ${step.holdout ?? 0}%`,
          });
          return { kind: 'end', outcome: 'holdout', at: time, trace };
        }
        variant = choice.variant.name;
        current = choice.variant.next;
        trace.push({ stepId: step.id, action: 'split', at: time, detail: `variant ${variant} → ${current}` });
        break;
      }
      case 'exit':
        trace.push({ stepId: step.id, action: 'exit', at: time });
        return {
          kind: 'end',
          outcome: 'exited',
          at: time,
          trace,
          ...(variant !== undefined ? { variant } : {}),
        };
    }
  }
  return {
    kind: 'end',
    outcome: 'completed',
    at: time,
    trace,
    ...(variant !== undefined ? { variant } : {}),
  };
}

function indexOf(journey: JourneyDefinition, stepId: string): number {
  const index = journey.steps.findIndex((step) => step.id === stepId);
  if (index < 0) {
    throw new JourneyPlanError('JOURNEY.UNKNOWN_STEP', `the journey has no step "${stepId}"`);
  }
  return index;
}

/** The step after a wait, send or update: its `next`, else the next array element, else none (the journey completes). */
function successor(journey: JourneyDefinition, index: number): string | null {
  const step = journey.steps[index];
  if ('next' in step && step.next !== undefined) return step.next;
  return journey.steps[index + 1]?.id ?? null;
}

function waitForEvent(journey: JourneyDefinition, stepId: string) {
  const step = journey.steps[indexOf(journey, stepId)];
  if (step.type !== 'wait_for_event') {
    throw new JourneyPlanError(
      'JOURNEY.WRONG_STEP_TYPE',
      `step "${stepId}" is a ${step.type}, not a wait_for_event`,
    );
  }
  return step;
}
