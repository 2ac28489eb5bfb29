import { DateTime } from 'luxon';
import type { CustomerLike } from './customer-like';
import { decideSendWith, type RenderOutcome, type SentMessage } from './decide-send';
import type { EventLike } from './event-like';
import type { FrequencyCap } from './frequency-cap';
import type { JourneyChannel } from './journey-channel';
import type { JourneyDefinition } from './journey-definition';
import { awaitedEvents, matchesAwaitedEvent } from './matches-awaited-event';
import { matchesTrigger } from './matches-trigger';
import { messageExpiry } from './message-expiry';
import type { Plan, PlanContext, PlanTrace } from './plan';
import { planAfter, planFirst, planOnEvent, planOnTimeout } from './planner';
import { resolveTimezone } from './resolve-timezone';
import type { SendStep } from './step';
import { describeUpdate, updateAttributes } from './update-attributes';

/** One event of the timeline a simulation plays. */
export interface TimelineEvent extends EventLike {
  at: Date;
}

export type SimulatedAction = 'wait' | 'send' | 'hold' | 'suppress' | 'branch' | 'update' | 'call' | 'exit';

export interface SimulatedStep {
  stepId: string;
  action: SimulatedAction;
  /** When it happens, UTC: the end of a wait, the moment of a send, the start of a hold. */
  at: Date;
  /** `at` in the customer's timezone, ISO-8601 with its offset. */
  localTime: string;
  channel: JourneyChannel | null;
  rendered: Record<string, unknown> | null;
  /** Why: the wait's rule, the branch taken, the attributes changed, the code and cause of a hold, suppression or exit. */
  reason: string | null;
}

export interface SimulationInput {
  journeyId: string;
  customer: CustomerLike;
  /** In any order; played by `at`. The first that matches the trigger enrolls. */
  events: readonly TimelineEvent[];
  caps?: readonly FrequencyCap[];
  /** Marketing messages the customer was sent before, for the caps. */
  sentBefore?: readonly SentMessage[];
  /** The address a channel would send to (phone, email, push endpoint), if the customer has one. */
  address: (channel: JourneyChannel) => string | null | undefined;
  /** When the customer last wrote to us on a channel: it opens a session window (WhatsApp's 24 hours). */
  lastInboundAt?: (channel: JourneyChannel) => Date | undefined;
  /** Renders a send step's template with the triggering event in scope. */
  render: (step: SendStep, trigger: TimelineEvent) => Promise<RenderOutcome>;
  /** Guards against journeys that loop forever (a loop paced by a wait is valid). */
  maxSteps?: number;
}

export interface SimulationResult {
  enrolled: boolean;
  timezone: string;
  variant: string | null;
  /** Why the customer would not enter, or why the walk stopped early; null when it ran to its end. */
  reason: string | null;
  steps: SimulatedStep[];
}

/**
 * What the journey would do for this customer and timeline, step by step, with the same planner,
 * quiet hours, consent and cap rules as the worker. Pure apart from `render`: nothing is sent or stored.
 */
export async function simulateJourney(
  journey: JourneyDefinition,
  input: SimulationInput,
): Promise<SimulationResult> {
  const { customer } = input;
  const timezone = resolveTimezone(customer.timezone);
  const steps: SimulatedStep[] = [];
  const result = (reason: string | null, variant: string | null, enrolled = true): SimulationResult => ({
    enrolled,
    timezone,
    variant,
    reason,
    steps,
  });
  const add = (stepId: string, action: SimulatedAction, at: Date, extra: Partial<SimulatedStep> = {}) =>
    steps.push({
      stepId,
      action,
      at,
      localTime: DateTime.fromJSDate(at, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '',
      channel: null,
      rendered: null,
      reason: null,
      ...extra,
    });

  const timeline = input.events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.order - b.order)
    .map(({ event }) => event);
  const triggerIndex = timeline.findIndex((event) => matchesTrigger(journey, event, customer));
  if (triggerIndex < 0) {
    const condition = journey.trigger.where ? ' with its condition' : '';
    return result(`no event "${journey.trigger.event}"${condition} in the timeline`, null, false);
  }
  const trigger = timeline[triggerIndex];
  const later = timeline.slice(triggerIndex + 1);
  const used = new Set<TimelineEvent>();
  const sent: SentMessage[] = [...(input.sentBefore ?? [])];
  const ctx: PlanContext = {
    customer,
    event: trigger,
    enrollmentId: 'simulation',
    journeyId: input.journeyId,
    context: {},
  };
  const exitBetween = (from: Date, until: Date) =>
    later.find(
      (event) =>
        journey.exitOn.includes(event.name) &&
        event.at.getTime() >= from.getTime() &&
        event.at.getTime() <= until.getTime(),
    );
  const exitFor = (stepId: string, event: TimelineEvent) =>
    add(stepId, 'exit', event.at, {
      reason: `exit_on: "${event.name}" ends the enrollment; nothing more is sent`,
    });

  let variant: string | null = null;
  let from = trigger.at;
  let lastStepId = journey.steps[0].id;
  let plan: Plan = planFirst(journey, from, ctx);
  for (let walked = 0; ; walked += 1) {
    if (walked >= (input.maxSteps ?? 100)) return result(`stopped after ${walked} due steps`, variant);
    if (plan.variant !== undefined) variant = plan.variant;
    const end = plan.kind === 'due' ? plan.dueAt : plan.at;
    const awaiting = plan.kind === 'due' && plan.step.type === 'wait_for_event' ? plan.step : undefined;
    const waitStart = plan.trace.at(-1)?.at ?? from;
    const awaited =
      awaiting &&
      later.find(
        (event) =>
          !used.has(event) &&
          event.at.getTime() >= waitStart.getTime() &&
          event.at.getTime() <= end.getTime() &&
          matchesAwaitedEvent(awaiting, event, ctx.customer),
      );
    const until = awaited?.at ?? end;
    const exit = exitBetween(from, until);
    for (const entry of plan.trace) {
      if (exit && entry.at.getTime() >= exit.at.getTime()) break;
      addTrace(add, entry);
      lastStepId = entry.stepId;
    }
    if (exit) {
      exitFor(plan.kind === 'due' ? plan.stepId : lastStepId, exit);
      return result(null, variant);
    }
    if (plan.kind === 'end') {
      if (plan.outcome === 'completed') {
        add(lastStepId, 'exit', plan.at, { reason: 'completed: no step follows' });
      }
      return result(null, variant);
    }
    lastStepId = plan.stepId;
    if (awaiting) {
      const names = awaitedEvents(awaiting)
        .map((name) => `"${name}"`)
        .join(' or ');
      if (awaited) {
        used.add(awaited);
        add(awaiting.id, 'wait', awaited.at, {
          reason: `"${awaited.name}" came within ${awaiting.timeout}: onEvent → ${awaiting.onEvent}`,
        });
        from = awaited.at;
        ctx.context = {
          ...ctx.context,
          [awaiting.id]: { outcome: 'event', event: awaited.name, at: awaited.at.toISOString() },
        };
        plan = planOnEvent(journey, awaiting.id, from, ctx);
      } else {
        add(awaiting.id, 'wait', end, {
          reason: `no ${names} within ${awaiting.timeout}: onTimeout → ${awaiting.onTimeout}`,
        });
        from = end;
        ctx.context = { ...ctx.context, [awaiting.id]: { outcome: 'timeout' } };
        plan = planOnTimeout(journey, awaiting.id, from, ctx);
      }
      continue;
    }
    if (plan.step.type === 'wait_for_attribute') {
      // A timeline holds events, not attribute changes: the simulated customer never changes on their own.
      const step = plan.step;
      add(step.id, 'wait', end, {
        reason: `"${step.attribute}" does not change in a simulation: after ${step.timeout}, onTimeout → ${step.onTimeout}`,
      });
      from = end;
      ctx.context = { ...ctx.context, [step.id]: { outcome: 'timeout' } };
      plan = planOnTimeout(journey, step.id, from, ctx);
      continue;
    }
    if (plan.step.type === 'update_attributes') {
      // Later branches of the walk read the customer as the update leaves them.
      ctx.customer = {
        ...ctx.customer,
        attributes: updateAttributes(ctx.customer.attributes, plan.step, plan.dueAt),
      };
      add(plan.stepId, 'update', plan.dueAt, { reason: `update_attributes: ${describeUpdate(plan.step)}` });
      from = plan.dueAt;
      plan = planAfter(journey, plan.stepId, from, ctx);
      continue;
    }
    if (plan.step.type === 'webhook') {
      // Nothing leaves a simulation: the call is assumed to answer 200 with no body.
      ctx.context = { ...ctx.context, [plan.stepId]: { ok: true, status: 200, body: null } };
      add(plan.stepId, 'call', plan.dueAt, {
        rendered: { url: plan.step.url, body: plan.step.body },
        reason: `webhook: POST ${plan.step.url}, not called in a simulation (taken as answering 200)`,
      });
      from = plan.dueAt;
      plan = planAfter(journey, plan.stepId, from, ctx);
      continue;
    }
    if (plan.step.type !== 'send') {
      // A branch after a wait: decided when it comes due (the simulated customer does not change meanwhile).
      from = plan.dueAt;
      plan = planAfter(journey, plan.stepId, from, ctx);
      continue;
    }
    const step = plan.step;
    const expiresAt = messageExpiry(journey, step, plan.dueAt);
    let sendAt = plan.dueAt;
    let decision = await decide({ journey, input, step, at: sendAt, expiresAt, sent, trigger });
    while (decision.kind === 'defer') {
      const local = DateTime.fromJSDate(decision.until, { zone: timezone }).toFormat('HH:mm');
      add(step.id, 'hold', sendAt, {
        channel: step.channel,
        reason: `quiet_hours: ${journey.quietHours?.start}–${journey.quietHours?.end} ${timezone}, held until ${local}`,
      });
      const exitWhileHeld = exitBetween(sendAt, decision.until);
      if (exitWhileHeld) {
        exitFor(step.id, exitWhileHeld);
        return result(null, variant);
      }
      sendAt = decision.until;
      decision = await decide({ journey, input, step, at: sendAt, expiresAt, sent, trigger });
    }
    if (decision.kind === 'suppress') {
      add(step.id, 'suppress', sendAt, {
        channel: step.channel,
        reason: `${decision.reason}: ${decision.message}`,
      });
    } else {
      add(step.id, 'send', sendAt, { channel: step.channel, rendered: decision.rendered });
      if (!journey.transactional) sent.push({ channel: step.channel, at: sendAt });
    }
    from = sendAt;
    plan = planAfter(journey, step.id, sendAt, ctx);
  }
}

const TRACE_ACTIONS: Record<PlanTrace['action'], SimulatedAction> = {
  wait: 'wait',
  branch: 'branch',
  split: 'branch',
  exit: 'exit',
  holdout: 'exit',
};

function addTrace(
  add: (stepId: string, action: SimulatedAction, at: Date, extra: Partial<SimulatedStep>) => void,
  entry: PlanTrace,
): void {
  const reasons: Record<PlanTrace['action'], string> = {
    wait: `wait ${entry.detail ?? ''}`.trim(),
    branch: `branch: ${entry.detail ?? ''}`,
    split: `split: ${entry.detail ?? ''}`,
    exit: 'exit step: the enrollment ends',
    holdout: `holdout: ${entry.detail ?? ''}, receives nothing from this journey (control group)`,
  };
  add(entry.stepId, TRACE_ACTIONS[entry.action], entry.at, { reason: reasons[entry.action] });
}

/** The worker's decision (`decideSend`) at the moment a send comes due, or a hold ends. */
function decide(options: {
  journey: JourneyDefinition;
  input: SimulationInput;
  step: SendStep;
  at: Date;
  expiresAt: Date | undefined;
  sent: readonly SentMessage[];
  trigger: TimelineEvent;
}) {
  const { journey, input, step, trigger } = options;
  return decideSendWith(
    {
      now: options.at,
      journey,
      channel: step.channel,
      customer: input.customer,
      address: input.address(step.channel),
      expiresAt: options.expiresAt,
      caps: input.caps ?? [],
      session: { template: step.template, lastInboundAt: input.lastInboundAt?.(step.channel) },
    },
    {
      sentBefore: () => Promise.resolve(options.sent),
      render: () => input.render(step, trigger),
    },
  );
}
