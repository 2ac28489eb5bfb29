import { Inject, Injectable } from '@nestjs/common';
import {
  fcmAddress,
  TemplateRenderer,
  TemplateRenderError,
  type Channel,
  type ChannelTemplate,
} from '@touchpoint/channels';
import {
  Clock,
  CustomerRepository,
  EventRepository,
  EnrollmentRepository,
  DB,
  JourneyRepository,
  QueueGateway,
  ScheduledStepRepository,
  SurveyLinks,
  UnsubscribeLinks,
  TouchpointRepository,
  type Customer,
  type Database,
  type DueJob,
  type Enrollment,
  type Executor,
  type JourneyStatus,
  type ScheduledStep,
  type StoredEvent,
  type Touchpoint,
} from '@touchpoint/core';
import {
  capWindowStart,
  CHANNELS,
  decideSendWith,
  evaluateCondition,
  planAfter,
  planOnChange,
  planOnTimeout,
  sessionDecision,
  type FrequencyCap,
  type JourneyDefinition,
  type Plan,
  type PlanContext,
  type RenderOutcome,
  type SentMessage,
  type Step,
  type SuppressionReason,
  type WaitForAttributeStep,
  resolveTimezone,
  scopeLinks,
  updateAttributes,
} from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { templateCustomer, templateEvent, toCustomerLike, toEventLike } from './customer-context';
import { FrequencyCaps } from './frequency-caps.service';
import { SendDispatcher } from './send-dispatcher.service';
import { JourneyCatalog } from './journey-catalog.service';
import { StepScheduler, type DeferredStepWrites } from './step-scheduler.service';
import { WebhookSteps, type WebhookAnswer, type WebhookCall } from './webhook-steps.service';

/** A job may fire a little early (clock skew between Redis and us); more than this and it is stale. */
const EARLY_TOLERANCE_MS = 1_000;

export type DueStepOutcome =
  | 'missing'
  | 'already_done'
  | 'not_due'
  | 'cancelled'
  | 'paused'
  | 'held'
  | 'suppressed'
  | 'expired'
  | 'failed'
  | 'ready'
  | 'advanced'
  /** A wait_for_attribute woken by a change its condition does not accept: it waits on. */
  | 'waiting'
  /** A webhook whose call failed in a way worth another attempt, rescheduled after a backoff. */
  | 'retrying'
  /** A webhook in a batch: it calls out, so it is decided on its own, outside the batch's transaction. */
  | 'external';

type SendStep = Extract<Step, { type: 'send' }>;

/** A send step come due, with what its decision reads. */
interface SendInput {
  step: ScheduledStep;
  enrollment: Enrollment;
  definition: JourneyDefinition;
  stepDef: SendStep;
  customer: Customer;
  scope: {
    customer: Record<string, unknown>;
    event?: Record<string, unknown>;
    journey: Record<string, unknown>;
  };
  now: Date;
  work: Work;
  caps: FrequencyCap[];
  /** Preloaded by a batch (null: none); undefined: read it now. */
  touchpoint?: Touchpoint | null;
  writes?: DeferredStepWrites;
}

/** The status a suppressed send is recorded as: a broken template is the journey's failure, not a choice. */
const SUPPRESSED_AS: Record<SuppressionReason, 'suppressed' | 'expired' | 'failed'> = {
  expired: 'expired',
  no_consent: 'suppressed',
  no_address: 'suppressed',
  frequency_cap: 'suppressed',
  template_error: 'failed',
  outside_session_window: 'suppressed',
};

interface Work {
  steps: DueJob[];
  /** Ready to send, with the customer the decision read (the send need not read them again). */
  sends: { id: string; channel: Channel; customer: Customer }[];
}

/** A step's rows, read and locked ahead by DueStepBatcher together with the other steps of its batch. */
export interface PreloadedStep {
  step: ScheduledStep;
  enrollment: Enrollment;
  journeyStatus: JourneyStatus | undefined;
  customer: Customer | undefined;
  trigger: StoredEvent | undefined;
  /** Its send step's touchpoint, locked (null: there is none). */
  touchpoint: Touchpoint | null;
}

/** Steps decided in one transaction: their rows preloaded, their jobs added once after the commit. */
export interface StepBatch {
  trx: Executor;
  now: Date;
  caps: FrequencyCap[];
  work: Work;
  rows: ReadonlyMap<string, PreloadedStep>;
  /** When set, the batch's routine writes wait for its end (see DeferredStepWrites). */
  writes?: DeferredStepWrites;
}

/** Decide: when a step comes due, re-check everything under a row lock, then render or re-plan. */
@Injectable()
export class DueStepService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly customers: CustomerRepository,
    private readonly events: EventRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly journeys: JourneyRepository,
    private readonly catalog: JourneyCatalog,
    private readonly scheduler: StepScheduler,
    private readonly renderer: TemplateRenderer,
    private readonly surveyLinks: SurveyLinks,
    private readonly unsubscribeLinks: UnsubscribeLinks,
    private readonly queue: QueueGateway,
    private readonly frequencyCaps: FrequencyCaps,
    private readonly webhooks: WebhookSteps,
    private readonly sends: SendDispatcher,
  ) {}

  /** Decides one step; inside a `batch`, in the batch's transaction with its rows already read. */
  async run(scheduledStepId: string, batch?: StepBatch): Promise<DueStepOutcome> {
    const now = batch?.now ?? this.clock.now();
    const work: Work = batch?.work ?? { steps: [], sends: [] };
    // Read before the transaction: embedded PGlite has one connection.
    const caps = batch?.caps ?? (await this.frequencyCaps.current());
    const pre = batch?.rows.get(scheduledStepId);
    /** A webhook's request, made between the transaction that prepares it and the one that settles it. */
    let call: WebhookCall | undefined;
    let answer: WebhookAnswer | undefined;
    const decide = async (trx: Executor): Promise<DueStepOutcome> => {
      const locked = pre ?? (await this.steps.lockWithEnrollment(trx, scheduledStepId));
      if (!locked) return 'missing';
      const { step, enrollment } = locked;
      if (step.status === 'done' || step.status === 'cancelled') return 'already_done';
      if (step.due_at.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return 'not_due';
      const journeyStatus = pre ? pre.journeyStatus : await this.journeys.status(enrollment.journey_id, trx);
      if (enrollment.status !== 'active' || journeyStatus === 'archived') {
        await this.steps.finish(trx, step.id, 'cancelled', now);
        await this.touchpoints.cancelForEnrollments(trx, [enrollment.id], now);
        return 'cancelled';
      }
      if (journeyStatus === 'paused') {
        // Held in PostgreSQL; resume promotes it again. Nothing is lost.
        await this.steps.reschedule(trx, step.id, { dueAt: step.due_at, queued: false, at: now });
        return 'paused';
      }
      const definition = await this.catalog.version(enrollment.journey_id, enrollment.journey_version, trx);
      const stepDef = definition.steps.find((s) => s.id === step.step_id);
      if (!stepDef) {
        throw new Error(
          `step ${step.step_id} is not in journey ${enrollment.journey_id}@${enrollment.journey_version}`,
        );
      }
      const customer = pre ? pre.customer : await this.customers.find(enrollment.customer_id, trx);
      if (!customer) {
        throw new Error(`customer ${enrollment.customer_id} of enrollment ${enrollment.id} is gone`);
      }
      const trigger = pre ? pre.trigger : await this.events.find(enrollment.trigger_event_id, trx);
      const ctx: PlanContext = {
        customer: toCustomerLike(customer),
        event: trigger && toEventLike(trigger),
        enrollmentId: enrollment.id,
        journeyId: enrollment.journey_id,
        context: enrollment.context,
      };
      const scope = {
        customer: templateCustomer(customer),
        event: templateEvent(trigger),
        journey: {
          id: enrollment.journey_id,
          name: definition.name,
          version: enrollment.journey_version,
          stage: definition.stage,
        },
      };

      let result: DueStepOutcome = 'advanced';
      /** How a wait ended, which picks the way on; undefined: the step's successor. */
      let ended: 'timeout' | 'changed' | undefined;
      // Every step type is named here: a new one that is not fails to compile (and to lint).
      switch (stepDef.type) {
        case 'send':
          result = await this.decideSend(trx, {
            step,
            enrollment,
            definition,
            stepDef,
            customer,
            scope,
            now,
            work,
            caps,
            touchpoint: pre?.touchpoint,
            writes: batch?.writes,
          });
          if (result === 'held') return result;
          break;
        case 'update_attributes': {
          // In the transaction that marks the step done, under its row lock: a redelivered job finds the
          // step done and changes nothing, so an increment counts once per visit.
          const updated = await this.customers.updateAttributes(
            trx,
            customer.id,
            (attributes) => updateAttributes(attributes, stepDef, now),
            now,
          );
          if (updated) ctx.customer = toCustomerLike(updated);
          break;
        }
        case 'webhook': {
          if (batch) return 'external';
          const decision = await this.webhooks.decide(trx, {
            step,
            enrollment,
            stepDef,
            touchpoint: await this.touchpoints.findForStep(trx, enrollment.id, stepDef.id, step.visit),
            scope,
            now,
            jobs: work.steps,
            answer,
          });
          if (decision.kind === 'call') {
            call = decision.call;
            return 'ready';
          }
          if (decision.kind === 'retry') return 'retrying';
          if (decision.context) ctx.context = decision.context;
          if (!decision.ok) result = 'failed';
          break;
        }
        case 'wait_for_event':
          // A due wait_for_event is its timeout: an awaited event would have ended it (EventProcessor).
          ctx.context = await this.enrollments.recordStepOutcome(trx, enrollment.id, stepDef.id, {
            outcome: 'timeout',
          });
          ended = 'timeout';
          break;
        case 'wait_for_attribute': {
          const outcome = await this.endAttributeWait(trx, { step, enrollment, stepDef, ctx, now, work });
          if (outcome === 'waiting') return 'waiting';
          ended = outcome;
          break;
        }
        // A due branch (after a wait) is decided by the planner on what is true now; waits, splits and exits
        // are resolved on the way to the next due step.
        case 'wait':
        case 'branch':
        case 'split':
        case 'exit':
          break;
        default:
          return unhandledStep(stepDef);
      }
      if (batch?.writes) batch.writes.finished.push(step.id);
      else await this.steps.finish(trx, step.id, 'done', now);
      const plan: Plan =
        ended === 'timeout'
          ? planOnTimeout(definition, stepDef.id, now, ctx)
          : ended === 'changed'
            ? planOnChange(definition, stepDef.id, now, ctx)
            : planAfter(definition, stepDef.id, now, ctx);
      work.steps.push(
        ...(await this.scheduler.apply(trx, { enrollment, definition, plan, now, deferred: batch?.writes })),
      );
      return result;
    };
    if (batch) return decide(batch.trx);
    let outcome = await this.db.transaction().execute(decide);
    if (call) {
      // No transaction (and no row lock) is held while the receiver answers; the second one re-checks all.
      answer = { call, response: await this.webhooks.call(call) };
      outcome = await this.db.transaction().execute(decide);
    }
    await this.queue.addSteps(work.steps);
    await this.sends.dispatch(work.sends);
    return outcome;
  }

  /**
   * A due wait_for_attribute: the attribute changed (the trigger on customers made it due early) and the
   * change is accepted, or it timed out; the outcome goes into the enrollment's context for later branches.
   * A change its `where` refuses re-arms the wait until its timeout.
   */
  private async endAttributeWait(
    trx: Executor,
    input: {
      step: ScheduledStep;
      enrollment: Enrollment;
      stepDef: WaitForAttributeStep;
      ctx: PlanContext;
      now: Date;
      work: Work;
    },
  ): Promise<'changed' | 'timeout' | 'waiting'> {
    const { step, enrollment, stepDef, ctx, now } = input;
    const timeoutAt = step.timeout_at ?? step.due_at;
    const changedAt = step.attribute_changed_at;
    const record = async (outcome: Record<string, unknown>) => {
      ctx.context = await this.enrollments.recordStepOutcome(trx, enrollment.id, stepDef.id, outcome);
    };
    if (changedAt === null || changedAt.getTime() > timeoutAt.getTime()) {
      await record({ outcome: 'timeout' });
      return 'timeout';
    }
    const scope = { customer: ctx.customer, event: ctx.event, context: ctx.context };
    if (stepDef.where !== undefined && !evaluateCondition(stepDef.where, scope)) {
      const queued = this.scheduler.withinHorizon(timeoutAt, now);
      await this.steps.rearmAttributeWait(trx, step, queued, now);
      if (queued) input.work.steps.push({ scheduledStepId: step.id, dueAt: timeoutAt });
      return 'waiting';
    }
    await record({
      outcome: 'changed',
      attribute: stepDef.attribute,
      value: ctx.customer.attributes[stepDef.attribute] ?? null,
      at: changedAt.toISOString(),
    });
    return 'changed';
  }

  /** A due send step: its I/O here, the decision itself in `decideSend` (shared with the simulation). */
  private async decideSend(trx: Executor, input: SendInput): Promise<DueStepOutcome> {
    const { step, enrollment, definition, stepDef, customer, now, work } = input;
    const touchpoint =
      input.touchpoint !== undefined
        ? input.touchpoint
        : await this.touchpoints.findForStep(trx, enrollment.id, stepDef.id, step.visit);
    if (!touchpoint || touchpoint.status !== 'scheduled' || touchpoint.rendered !== null) {
      return 'already_done';
    }

    const channel = stepDef.channel;
    const decision = await decideSendWith(
      {
        now,
        journey: definition,
        channel,
        customer: toCustomerLike(customer),
        address: addressOf(channel, customer),
        expiresAt: touchpoint.expires_at,
        caps: input.caps,
        session: { template: stepDef.template, lastInboundAt: lastInboundAt(customer, channel) },
      },
      {
        sentBefore: () => this.sentBefore(trx, { customer, caps: input.caps, now }),
        render: () => this.render(input, touchpoint.id),
      },
    );
    switch (decision.kind) {
      case 'defer':
        return this.hold(trx, { step, touchpointId: touchpoint.id, until: decision.until, now, work });
      case 'suppress': {
        const status = SUPPRESSED_AS[decision.reason];
        const detail = decision.cap && { cap: decision.cap };
        await this.touchpoints.transition(trx, touchpoint.id, {
          from: 'scheduled',
          to: status,
          at: now,
          set: { error: decision.reason, error_message: decision.message },
          detail,
        });
        return status;
      }
      case 'send': {
        const ready = { to: decision.to, rendered: decision.rendered };
        if (input.writes) input.writes.ready.push({ id: touchpoint.id, ...ready });
        else await this.touchpoints.markReady(trx, touchpoint.id, { ...ready, at: now });
        work.sends.push({ id: touchpoint.id, channel, customer });
        return 'ready';
      }
    }
  }

  /** Quiet hours: the step and its touchpoint wait until they end, then the send is decided again. */
  private async hold(
    trx: Executor,
    input: { step: ScheduledStep; touchpointId: string; until: Date; now: Date; work: Work },
  ): Promise<DueStepOutcome> {
    const { step, touchpointId, until, now } = input;
    const queued = this.scheduler.withinHorizon(until, now);
    await this.steps.reschedule(trx, step.id, { dueAt: until, queued, at: now });
    await this.touchpoints.update(trx, touchpointId, { scheduled_for: until }, now);
    await this.touchpoints.recordEvent(trx, touchpointId, {
      status: 'scheduled',
      at: now,
      detail: { reason: 'quiet_hours', until: until.toISOString() },
    });
    if (queued) input.work.steps.push({ scheduledStepId: step.id, dueAt: until });
    return 'held';
  }

  /** The step's template for the customer; the links derive from the touchpoint id, so exist before it. */
  private async render(input: SendInput, touchpointId: string): Promise<RenderOutcome> {
    const { stepDef, definition, customer, now } = input;
    // Within a session window the free-form fields, outside it the provider template (decideSend checked it).
    const session = sessionDecision({
      channel: stepDef.channel,
      template: stepDef.template as ChannelTemplate,
      lastInboundAt: lastInboundAt(customer, stepDef.channel),
      now,
    });
    try {
      const rendered = await this.renderer.render(
        session.ok ? session.template : (stepDef.template as ChannelTemplate),
        stepDef.channel,
        customer.locale,
        {
          ...input.scope,
          ...scopeLinks(definition, {
            unsubscribe: this.unsubscribeLinks.url(touchpointId),
            survey: this.surveyLinks.url(touchpointId),
          }),
        },
      );
      return { ok: true, rendered: { ...rendered } };
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      return { ok: false, error: error.message };
    }
  }

  /**
   * What the caps count for the customer, in their timezone: decisions for one customer take turns (a lock
   * held to commit), and the count includes messages decided but not yet sent.
   */
  private async sentBefore(
    trx: Executor,
    { customer, caps, now }: { customer: Customer; caps: readonly FrequencyCap[]; now: Date },
  ): Promise<SentMessage[]> {
    await this.touchpoints.lockCustomerSends(trx, customer.id);
    const timezone = resolveTimezone(customer.timezone);
    const since = Math.min(...caps.map((cap) => capWindowStart(cap, now, timezone).getTime()));
    const sent = await this.touchpoints.sentForCaps(trx, customer.id, new Date(since));
    // A decision that took the lock before us may carry a later `now` than ours: it still happened first.
    return sent.map((s) => ({ channel: s.channel, at: s.at > now ? now : s.at }));
  }
}

/**
 * The address a channel sends to, from the customer's field its registry entry names: phone, email, or for
 * push the newest mobile app install's FCM token (`fcm:<token>`), else the newest browser push subscription's
 * endpoint.
 */
export function addressOf(channel: Channel, customer: Customer): string | undefined {
  switch (CHANNELS[channel].address) {
    case 'phone':
      return customer.phone ?? undefined;
    case 'email':
      return customer.email ?? undefined;
    case 'push': {
      const token = customer.fcm_tokens.at(-1);
      return token ? fcmAddress(token) : customer.push_subscriptions.at(-1)?.endpoint;
    }
  }
}

/** When the customer last wrote to us on `channel`, if ever. */
function lastInboundAt(customer: Customer, channel: Channel): Date | undefined {
  const at = customer.last_inbound[channel];
  return at ? new Date(at) : undefined;
}

/** Compiles only while every step type has its case above. */
function unhandledStep(step: never): never {
  throw new Error(`no decision for step type ${(step as { type: string }).type}`);
}
